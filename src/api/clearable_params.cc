#include "api/clearable_params.h"

namespace projectd {

std::optional<std::optional<std::string>> clearable_string(const Params& params,
                                                           std::string_view key) {
  const ParamValue* value = params.find(key);
  if (!value) return std::nullopt;
  if (value->is_null || value->text.empty()) return std::optional<std::string>();
  return std::optional<std::string>(value->text);
}

std::optional<std::optional<Timestamp>> clearable_date(const Params& params, std::string_view key,
                                                       const PortalTimeZone& zone) {
  const ParamValue* value = params.find(key);
  if (!value) return std::nullopt;
  if (value->is_null || value->text.empty()) return std::optional<Timestamp>();
  return params.get_date(key, zone);
}

}  // namespace projectd
