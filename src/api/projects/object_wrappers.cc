#include "api/projects/object_wrappers.h"

namespace projectd {

boost::json::object object_wrapper_base(std::int64_t id, const std::string& title,
                                        const std::optional<std::string>& description) {
  boost::json::object out;
  out["id"] = id;
  out["title"] = title;
  if (description) {
    out["description"] = *description;
  } else {
    out["description"] = nullptr;
  }
  out["status"] = 0;
  out["responsible"] = nullptr;
  return out;
}

}  // namespace projectd
