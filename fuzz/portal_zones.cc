#include "portal_zones.h"

#include <exception>

namespace projectd::fuzz {

const PortalTimeZone& daylight_saving_zone() {
  static const PortalTimeZone zone = [] {
    try {
      return PortalTimeZone::named("Europe/Berlin");
    } catch (const std::exception&) {
      return PortalTimeZone{};
    }
  }();
  return zone;
}

}  // namespace projectd::fuzz
