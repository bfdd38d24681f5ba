// People: who may see and change whom. Everyone signed in may read the directory; only admins
// create people, change roles or disable accounts; everyone may edit their own profile. A guest
// sees no one's email but their own, so a guest's lookup by someone's email answers 404 as for an
// address nobody has, and a guest's searches match names and user names only.
// Changing a password or disabling a user revokes that user's tokens.
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "auth/password_hasher.h"
#include "domain/caller.h"
#include "store/store.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

struct NewUser {
  std::string email;
  std::string first_name;
  std::string last_name;
  std::string title;
  std::optional<std::string> password;  // none: the account waits for a password (Pending)
  bool is_admin = false;
  bool is_visitor = false;
};

// A partial update: an absent member keeps its value (docs/wire-compatibility.md, "PUT keeps what
// you do not send"); an inner nullopt clears an optional field.
struct UserChanges {
  std::optional<std::string> first_name, last_name, title, location, notes, email;
  std::optional<std::optional<std::string>> sex;
  std::optional<std::optional<Timestamp>> birthday, work_from;
  std::optional<bool> is_visitor, is_admin, disabled;
};

struct UserPage {
  std::vector<UserRecord> users;
  std::int64_t total = 0;
};

class PeopleService {
 public:
  PeopleService(Store& store, PasswordHasher& hasher);

  UserRecord self(const Caller& caller);
  // By id, user name or email (the email only for whom may_see_email); 404 when there is no such
  // user.
  UserRecord get(const Caller& caller, std::string_view id_or_login);
  UserPage list(const Caller& caller, const UserQuery& query);

  // Admin only (403 otherwise); 400 for invalid fields, 409 for a taken email.
  UserRecord create(const Caller& caller, const NewUser& user);
  // The caller themself or an admin (403 otherwise); roles and disabling are admin-only and an
  // admin cannot demote or disable themself (409), so a portal always keeps an admin.
  UserRecord update(const Caller& caller, std::string_view id, const UserChanges& changes);
  // The caller themself or an admin (403 otherwise). A person changing their own password (an
  // admin too) must confirm the current one: `confirm_current(user id)` is called then, before
  // anything is hashed or written, and throws when it is missing or wrong
  // (AuthService::confirm_password). An admin setting someone else's password is not asked.
  UserRecord set_password(const Caller& caller, std::string_view id, std::string_view password,
                          const std::function<void(const std::string& user_id)>& confirm_current);

  // By email only (GET people/email): 404 when nobody has it, or when the caller may not see it.
  UserRecord by_email(const Caller& caller, std::string_view email);

  // Admin only (403). Disables (kTerminated) or enables (kActive) each listed person; a disabled
  // person's tokens are revoked at once. The caller themself is left as they are, as in the
  // original. 404 for an id nobody has, 400 for another status; nothing changes then.
  std::vector<UserRecord> set_status(const Caller& caller, EmployeeStatus status,
                                     const std::vector<std::string>& ids);
  // Admin only (403). Makes each listed person a user or a guest; administrators and the caller
  // are left as they are (the original skips them). 404 for an unknown id.
  std::vector<UserRecord> set_type(const Caller& caller, bool visitor,
                                   const std::vector<std::string>& ids);
  // Admin only (403); 404 for nobody; 409 unless the person is disabled first (the original's
  // "The user is not suspended"). The person leaves the directory, their groups and their photo;
  // the tasks, projects and comments that name them keep naming them (shown as the original's
  // removed profile). Answers the person as they were.
  UserRecord remove(const Caller& caller, std::string_view id);

  // For the command line and the first start: no caller, no permission check.
  UserRecord add_user(const NewUser& user);
  // add_user only while the store holds nobody, checked in the same transaction, so nodes starting
  // together on an empty portal make one first user; nullopt when someone exists.
  std::optional<UserRecord> add_first_user(const NewUser& user);
  std::int64_t user_count();

  // For the admin command line (`projectd user ...`): no caller and no permission check; the person
  // by email; one write transaction each, which moves the store's generation so a running server's
  // caches see it at once; ApiError(kNotFound) naming the email when nobody has it. Disabling
  // revokes the person's tokens and so does a new password, as through the API. The last
  // administrator is not protected here: this command line is how one is made again.
  enum class AccountChange { kDisable, kEnable, kRevokeTokens, kMakeAdmin, kRevokeAdmin };
  UserRecord change_account(std::string_view email, AccountChange change);
  // 400 for a password the API would refuse too.
  UserRecord reset_password(std::string_view email, std::string_view password);
  // Everyone in the directory, disabled people too, in one read.
  std::vector<UserRecord> all_users();
  // The hasher passwords are set with (password recovery sets them too).
  PasswordHasher& hasher() const { return hasher_; }

 private:
  UserRecord build_user(const NewUser& user, StoreTx& tx);
  std::optional<UserRecord> insert_user(const NewUser& user, bool only_first);

  Store& store_;
  PasswordHasher& hasher_;
};

// Whether `viewer` may see `user`'s email (and other contact data): everyone but a guest, and a
// guest their own.
bool may_see_email(const Caller& viewer, const UserRecord& user);

// Field rules shared by create and update; each throws ApiError(kBadRequest) naming the field.
void validate_email(std::string_view email);
void validate_name(std::string_view field, std::string_view value);
void validate_password(std::string_view password);

// Sets an already hashed password inside `tx` and revokes every token of the person (a new
// password signs every session out): PUT people/{id}/password, `projectd user`, password recovery.
void store_new_password(StoreTx& tx, UserRecord& user, const std::string& hash);

}  // namespace projectd
