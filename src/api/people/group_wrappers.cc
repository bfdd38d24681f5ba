#include "api/people/group_wrappers.h"

#include <boost/json/array.hpp>

namespace projectd {

namespace {

// Groups have no categories or parents here; the original writes the empty GUID for both.
constexpr const char* kNoGuid = "00000000-0000-0000-0000-000000000000";

}  // namespace

boost::json::object group_summary(const GroupView& view) {
  boost::json::object out;
  out["id"] = view.group.id;
  out["name"] = view.group.name;
  if (view.manager) {
    out["manager"] = view.manager->user_name;
  } else {
    out["manager"] = nullptr;
  }
  return out;
}

boost::json::object group_full(const GroupView& view, const WrapContext& context,
                               bool with_members) {
  boost::json::object out;
  out["id"] = view.group.id;
  out["name"] = view.group.name;
  out["category"] = kNoGuid;
  out["parent"] = kNoGuid;
  out["description"] = nullptr;
  if (view.manager) {
    out["manager"] = employee_brief(*view.manager, context);
  } else {
    out["manager"] = nullptr;
  }
  if (with_members) {
    boost::json::array members;
    for (const UserRecord& member : view.members)
      members.push_back(employee_brief(member, context));
    out["members"] = std::move(members);
  }
  return out;
}

}  // namespace projectd
