#include "api/people/employee_wrappers.h"

#include "domain/people/people_service.h"
#include "wire/tree_writer.h"

#include <array>

namespace projectd {

namespace {

// The pieces of each address, written without joining them where the writer can (JSON).
std::array<std::string_view, 3> profile_url_parts(const UserRecord& user,
                                                  const WrapContext& context) {
  return {context.base_url, "/Products/People/Profile.aspx?user=", user.id};
}

std::array<std::string_view, 5> photo_url_parts(const std::string& base_url,
                                                std::string_view user_id, std::string_view size) {
  return {base_url, "/userphotos/", user_id, "/", size};
}

std::array<std::string_view, 3> display_name_parts(const UserRecord& user) {
  if (user.first_name.empty()) return {user.last_name, {}, {}};
  if (user.last_name.empty()) return {user.first_name, {}, {}};
  return {user.first_name, " ", user.last_name};
}

}  // namespace

std::string display_name(const UserRecord& user) {
  return joined(display_name_parts(user));
}

std::string photo_url(const std::string& base_url, std::string_view user_id,
                      std::string_view size) {
  return joined(photo_url_parts(base_url, user_id, size));
}

void write_employee_brief(ApiWriter& out, const UserRecord& user, const WrapContext& context) {
  out.begin_object();
  out.member("id", user.id);
  out.key("displayName");
  out.string_parts(display_name_parts(user));
  if (!user.title.empty()) out.member("title", user.title);
  out.key("avatarSmall");
  out.string_parts(photo_url_parts(context.base_url, user.id, "small"));
  out.key("profileUrl");
  out.string_parts(profile_url_parts(user, context));
  out.end_object();
}

void write_employee_full(ApiWriter& out, const UserRecord& user, const WrapContext& context) {
  out.begin_object();
  out.member("id", user.id);
  out.member("userName", user.user_name);
  out.member("isVisitor", user.is_visitor);
  out.member("firstName", user.first_name);
  out.member("lastName", user.last_name);
  // Guests see other people's names, not their contact data.
  if (may_see_email(context.viewer, user)) {
    out.member("email", user.email);
  } else {
    out.member("email", nullptr);
  }
  if (user.birthday) out.member("birthday", format_api_date(*user.birthday, context.zone));
  if (user.sex) out.member("sex", *user.sex);
  out.member("status", static_cast<int>(user.status));
  out.member("activationStatus", static_cast<int>(user.activation_status));
  if (user.terminated) {
    out.member("terminated", format_api_date(*user.terminated, context.zone));
  } else {
    out.member("terminated", nullptr);
  }
  if (user.work_from) out.member("workFrom", format_api_date(*user.work_from, context.zone));
  if (!user.location.empty()) out.member("location", user.location);
  if (!user.notes.empty()) out.member("notes", user.notes);
  out.key("displayName");
  out.string_parts(display_name_parts(user));
  if (!user.title.empty()) out.member("title", user.title);
  // The original's sizes: avatarSmall 32, avatarMedium 48, avatar 82 (big).
  out.key("avatarSmall");
  out.string_parts(photo_url_parts(context.base_url, user.id, "small"));
  out.key("avatarMedium");
  out.string_parts(photo_url_parts(context.base_url, user.id, "medium"));
  out.key("avatar");
  out.string_parts(photo_url_parts(context.base_url, user.id, "big"));
  out.member("isAdmin", user.is_admin);
  out.member("isLDAP", false);
  out.member("isOwner", false);
  out.member("isSSO", false);
  out.key("profileUrl");
  out.string_parts(profile_url_parts(user, context));
  out.end_object();
}

boost::json::object employee_brief(const UserRecord& user, const WrapContext& context) {
  return tree_object([&](ApiWriter& out) { write_employee_brief(out, user, context); });
}

boost::json::object employee_full(const UserRecord& user, const WrapContext& context) {
  return tree_object([&](ApiWriter& out) { write_employee_full(out, user, context); });
}

}  // namespace projectd
