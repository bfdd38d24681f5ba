#include "read_params.h"
#include "portal_zones.h"

#include "api/projects/project_binding.h"
#include "wire/date.h"

#include <set>
#include <string>

namespace projectd::fuzz {
namespace {

// objects_of nests: `tasks[0][links][1][id]` is read through two levels. The depth is bounded by
// the brackets in the key, and the JSON binder caps nesting at 32.
constexpr std::size_t kMaxObjects = 100;

}  // namespace

void read_key_every_way(const Params& params, std::string_view key) {
  const auto read = [&](auto&& getter) { expect_api_errors_only(getter); };
  params.has(key);
  params.find(key);
  read([&] { params.get_string(key); });
  read([&] { params.get_int(key); });
  read([&] { params.get_bool(key); });
  read([&] { params.get_date(key, PortalTimeZone{}); });
  read([&] { params.get_date(key, daylight_saving_zone()); });
  read([&] { params.get_enum(key, kProjectStatusNames); });
  read([&] { params.get_guid(key); });
  read([&] { params.get_list(key); });
  read([&] { params.get_int_list(key); });
  read([&] { params.get_guid_list(key); });
}

void read_all_params(const Params& params) {
  // Each list once, however many of its fields were sent: objects_of walks every entry.
  std::set<std::string> lists;
  for (const auto& [key, value] : params.entries()) {
    read_key_every_way(params, key);
    const std::size_t bracket = key.find('[');
    if (bracket != std::string::npos && bracket > 0) lists.insert(key.substr(0, bracket));
  }
  for (const std::string& list : lists) {
    expect_api_errors_only([&] {
      for (const Params& object : params.objects_of(list, kMaxObjects))
        read_all_params(object);
    });
  }
}

}  // namespace projectd::fuzz
