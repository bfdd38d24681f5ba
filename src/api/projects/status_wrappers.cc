#include "api/projects/status_wrappers.h"

namespace projectd {

namespace {

boost::json::value text_or_null(const std::optional<std::string>& text) {
  if (!text) return nullptr;
  return boost::json::string(*text);
}

}  // namespace

boost::json::object custom_status_wrapper(const StatusView& view) {
  const CustomStatusRecord& s = view.status;
  boost::json::object out;
  out["statusType"] = static_cast<int>(s.status_type);
  out["canChangeAvailable"] = view.can_change_available;
  out["id"] = s.id;
  out["image"] = text_or_null(s.image);
  out["imageType"] = text_or_null(s.image_type);
  out["title"] = s.title;
  out["description"] = text_or_null(s.description);
  out["color"] = text_or_null(s.color);
  out["order"] = s.order;
  out["isDefault"] = view.is_default;
  out["available"] = s.available;
  return out;
}

}  // namespace projectd
