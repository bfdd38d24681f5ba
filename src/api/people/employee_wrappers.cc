#include "api/people/employee_wrappers.h"

#include "domain/people/people_service.h"

namespace projectd {

std::string display_name(const UserRecord& user) {
  if (user.first_name.empty()) return user.last_name;
  if (user.last_name.empty()) return user.first_name;
  return user.first_name + " " + user.last_name;
}

namespace {

std::string profile_url(const UserRecord& user, const WrapContext& context) {
  return context.base_url + "/Products/People/Profile.aspx?user=" + user.id;
}

boost::json::value date_or_null(const std::optional<Timestamp>& t, const WrapContext& context) {
  if (!t) return nullptr;
  return boost::json::string(format_api_date(*t, context.zone));
}

}  // namespace

std::string photo_url(const std::string& base_url, std::string_view user_id,
                      std::string_view size) {
  return base_url + "/userphotos/" + std::string(user_id) + "/" + std::string(size);
}

boost::json::object employee_brief(const UserRecord& user, const WrapContext& context) {
  boost::json::object out;
  out.reserve(5);
  out["id"] = user.id;
  out["displayName"] = display_name(user);
  if (!user.title.empty()) out["title"] = user.title;
  out["avatarSmall"] = photo_url(context.base_url, user.id, "small");
  out["profileUrl"] = profile_url(user, context);
  return out;
}

boost::json::object employee_full(const UserRecord& user, const WrapContext& context) {
  boost::json::object out;
  out.reserve(25);
  out["id"] = user.id;
  out["userName"] = user.user_name;
  out["isVisitor"] = user.is_visitor;
  out["firstName"] = user.first_name;
  out["lastName"] = user.last_name;
  // Guests see other people's names, not their contact data.
  if (may_see_email(context.viewer, user)) {
    out["email"] = user.email;
  } else {
    out["email"] = nullptr;
  }
  if (user.birthday) out["birthday"] = format_api_date(*user.birthday, context.zone);
  if (user.sex) out["sex"] = *user.sex;
  out["status"] = static_cast<int>(user.status);
  out["activationStatus"] = static_cast<int>(user.activation_status);
  out["terminated"] = date_or_null(user.terminated, context);
  if (user.work_from) out["workFrom"] = format_api_date(*user.work_from, context.zone);
  if (!user.location.empty()) out["location"] = user.location;
  if (!user.notes.empty()) out["notes"] = user.notes;
  out["displayName"] = display_name(user);
  if (!user.title.empty()) out["title"] = user.title;
  // The original's sizes: avatarSmall 32, avatarMedium 48, avatar 82 (big).
  out["avatarSmall"] = photo_url(context.base_url, user.id, "small");
  out["avatarMedium"] = photo_url(context.base_url, user.id, "medium");
  out["avatar"] = photo_url(context.base_url, user.id, "big");
  out["isAdmin"] = user.is_admin;
  out["isLDAP"] = false;
  out["isOwner"] = false;
  out["isSSO"] = false;
  out["profileUrl"] = profile_url(user, context);
  return out;
}

}  // namespace projectd
