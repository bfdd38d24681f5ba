#include "api/binding.h"

#include "base/ascii.h"
#include "base/errors.h"

namespace projectd {

namespace {

constexpr std::string_view kEmptyGuid = "00000000-0000-0000-0000-000000000000";

}  // namespace

WrapContext wrap_context(ApiEnv& env, const RequestContext& request) {
  return WrapContext{env.zone, request.base_url, *request.caller};
}

std::int64_t route_id(const Params& params, std::string_view key) {
  try {
    if (auto id = params.get_int(key); id && *id > 0) return *id;
  } catch (const ApiError&) {
    // digits too long for an id: no such item
  }
  throw_not_found();
}

std::string required_guid(const Params& params, std::string_view key) {
  auto guid = params.get_guid(key);
  if (!guid || *guid == kEmptyGuid)
    throw_bad_request("Parameter '" + std::string(key) + "' is required: a user id");
  return *guid;
}

std::optional<std::string> optional_person(const Params& params, std::string_view key) {
  auto guid = params.get_guid(key);
  if (guid && *guid == kEmptyGuid) return std::nullopt;
  return guid;
}

std::optional<std::vector<std::string>> people_list(const Params& params, std::string_view key) {
  auto ids = params.get_guid_list(key);
  if (ids) std::erase(*ids, std::string(kEmptyGuid));
  return ids;
}

bool simple_mode(const Params& params) {
  const ParamValue* value = params.find("simple");
  if (!value) return false;
  return !(ascii::iequals(value->text, "false") || value->text == "0");
}

}  // namespace projectd
