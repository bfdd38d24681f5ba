#include "domain/people/people_service.h"

#include "auth/random.h"
#include "base/ascii.h"
#include "base/errors.h"

#include <algorithm>
#include <cctype>

namespace projectd {

namespace {

constexpr std::size_t kMaxNameLength = 255;

using ascii::to_lower;

void require_admin(const Caller& caller) {
  if (!caller.is_admin) throw_forbidden("Only an administrator may do this");
}

// A new password (already hashed): the account is activated and every session signed in with
// the old password ends.
UserRecord load(StoreTx& tx, std::string_view id_or_login) {
  auto user = tx.users().by_id(to_lower(id_or_login));
  if (!user) user = tx.users().by_login(id_or_login);
  if (!user) throw_not_found();
  return *user;
}

// load() as `caller` may look people up: by an email only when they may see it. A user name never
// holds '@', so a match that is neither the id nor the user name came from the email, and whom
// emails are hidden from gets what an address nobody has answers.
UserRecord load_for(StoreTx& tx, const Caller& caller, std::string_view id_or_login) {
  UserRecord user = load(tx, id_or_login);
  const std::string key = to_lower(id_or_login);
  if (!may_see_email(caller, user) && user.id != key && to_lower(user.user_name) != key)
    throw_not_found();
  return user;
}

// A user name derived from the email's local part, made unique with a number when taken.
std::string free_user_name(StoreTx& tx, std::string_view email) {
  std::string base = to_lower(email.substr(0, email.find('@')));
  std::string candidate = base;
  for (int n = 2; tx.users().by_login(candidate); ++n)
    candidate = base + std::to_string(n);
  return candidate;
}

// Every listed person, in the order given (duplicates once); 404 when one names nobody.
std::vector<UserRecord> load_listed(StoreTx& tx, const std::vector<std::string>& ids) {
  std::vector<UserRecord> found = tx.users().by_ids(ids);
  std::vector<UserRecord> ordered;
  for (const std::string& id : ids) {
    auto it =
        std::find_if(found.begin(), found.end(), [&](const UserRecord& u) { return u.id == id; });
    if (it == found.end()) throw_not_found();
    if (std::none_of(ordered.begin(), ordered.end(),
                     [&](const UserRecord& u) { return u.id == id; }))
      ordered.push_back(*it);
  }
  return ordered;
}

void apply_disabled(StoreTx& tx, UserRecord& user, bool disable) {
  if (disable && user.status != EmployeeStatus::kTerminated) {
    user.status = EmployeeStatus::kTerminated;
    user.terminated = now_utc();
    tx.sessions().delete_tokens_of(user.id);
  } else if (!disable) {
    user.status = EmployeeStatus::kActive;
    user.terminated.reset();
  }
}

// The person whose email this is, for the command line: 404 naming the address otherwise (a
// user name is no email).
UserRecord load_by_email(StoreTx& tx, std::string_view email) {
  auto user = tx.users().by_login(email);
  if (!user || user.value().email != to_lower(email))
    throw ApiError(ErrorKind::kNotFound, "Nobody has the email " + std::string(email));
  return *user;
}

}  // namespace

void store_new_password(StoreTx& tx, UserRecord& user, const std::string& hash) {
  user.password_hash = hash;
  user.activation_status = ActivationStatus::kActivated;
  user.updated = now_utc();
  tx.users().update(user);
  tx.sessions().delete_tokens_of(user.id);
}

bool may_see_email(const Caller& viewer, const UserRecord& user) {
  return !viewer.is_visitor || viewer.user_id == user.id;
}

void validate_email(std::string_view email) {
  const std::size_t at = email.find('@');
  const bool ok = !email.empty() && email.size() <= kMaxNameLength && at != 0 &&
                  at != std::string_view::npos &&
                  email.find('@', at + 1) == std::string_view::npos &&
                  email.find('.', at) != std::string_view::npos && email.back() != '.' &&
                  std::none_of(email.begin(), email.end(), [](unsigned char c) {
                    return c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',' || c == ';';
                  });
  if (!ok) throw_bad_request("Parameter 'email' must be a valid email address");
}

void validate_name(std::string_view field, std::string_view value) {
  if (ascii::trim(value).empty())
    throw_bad_request("Parameter '" + std::string(field) + "' must not be empty");
  if (value.size() > kMaxNameLength)
    throw_bad_request("Parameter '" + std::string(field) + "' must be at most 255 characters");
  if (std::any_of(value.begin(), value.end(), [](unsigned char c) { return c < ' '; }))
    throw_bad_request("Parameter '" + std::string(field) + "' must not contain control characters");
}

void validate_password(std::string_view password) {
  if (password.size() < 8) throw_bad_request("The password must have at least 8 characters");
  if (password.size() > 1024) throw_bad_request("The password must have at most 1024 characters");
}

PeopleService::PeopleService(Store& store, PasswordHasher& hasher)
    : store_(store), hasher_(hasher) {}

UserRecord PeopleService::self(const Caller& caller) {
  return get(caller, caller.user_id);
}

UserRecord PeopleService::get(const Caller& caller, std::string_view id_or_login) {
  return store_.read_value([&](StoreTx& tx) { return load_for(tx, caller, id_or_login); });
}

UserPage PeopleService::list(const Caller& caller, const UserQuery& query) {
  UserQuery scoped = query;
  // Otherwise a search would tell whether an address belongs to someone.
  scoped.match_email = query.match_email && !caller.is_visitor;
  return store_.read_value([&](StoreTx& tx) {
    return UserPage{tx.users().page(scoped), tx.users().count(scoped)};
  });
}

UserRecord PeopleService::build_user(const NewUser& user, StoreTx& tx) {
  UserRecord record;
  record.id = random_guid();
  record.email = to_lower(user.email);
  record.user_name = free_user_name(tx, record.email);
  record.first_name = user.first_name;
  record.last_name = user.last_name;
  record.title = user.title;
  record.is_admin = user.is_admin;
  record.is_visitor = user.is_visitor && !user.is_admin;
  record.activation_status =
      user.password ? ActivationStatus::kActivated : ActivationStatus::kPending;
  record.created = record.updated = now_utc();
  return record;
}

UserRecord PeopleService::add_user(const NewUser& user) {
  return *insert_user(user, false);
}

std::optional<UserRecord> PeopleService::add_first_user(const NewUser& user) {
  return insert_user(user, true);
}

std::optional<UserRecord> PeopleService::insert_user(const NewUser& user, bool only_first) {
  validate_email(user.email);
  validate_name("firstName", user.first_name);
  validate_name("lastName", user.last_name);
  if (user.password) validate_password(*user.password);
  // Hash before the write: the writer must never wait on Argon2.
  const std::string hash = user.password ? hasher_.hash(*user.password) : std::string();
  return store_.write_value([&](StoreTx& tx) -> std::optional<UserRecord> {
    if (only_first && tx.users().count_all() > 0) return std::nullopt;
    UserRecord record = build_user(user, tx);
    record.password_hash = hash;
    tx.users().insert(record);
    // Everyone but a guest has My Documents (docs/wire-compatibility.md, "Folders").
    if (!record.is_visitor) {
      FolderRecord my;
      my.kind = static_cast<int>(FolderKind::kMy);
      my.owner_id = record.id;
      my.title = "My Documents";
      my.created = my.updated = record.created;
      my.created_by = my.updated_by = record.id;
      tx.folders().insert(my);
    }
    return record;
  });
}

UserRecord PeopleService::create(const Caller& caller, const NewUser& user) {
  require_admin(caller);
  return add_user(user);
}

UserRecord PeopleService::update(const Caller& caller, std::string_view id,
                                 const UserChanges& changes) {
  if (changes.email) validate_email(*changes.email);
  if (changes.first_name) validate_name("firstName", *changes.first_name);
  if (changes.last_name) validate_name("lastName", *changes.last_name);
  if (changes.sex && *changes.sex && **changes.sex != "male" && **changes.sex != "female")
    throw_bad_request("Parameter 'sex' must be male or female");
  return store_.write_value([&](StoreTx& tx) {
    UserRecord user = load_for(tx, caller, id);
    const bool self = user.id == caller.user_id;
    if (!self && !caller.is_admin) throw_forbidden("You may only change your own profile");
    const bool role_change = changes.is_visitor || changes.is_admin || changes.disabled;
    if (role_change || changes.email) require_admin(caller);
    if (self &&
        ((changes.is_admin && !*changes.is_admin) || (changes.disabled && *changes.disabled)))
      throw_conflict(
          "An administrator cannot remove their own administrator rights or disable "
          "themself; ask another administrator");
    if (changes.first_name) user.first_name = *changes.first_name;
    if (changes.last_name) user.last_name = *changes.last_name;
    if (changes.title) user.title = *changes.title;
    if (changes.location) user.location = *changes.location;
    if (changes.notes) user.notes = *changes.notes;
    if (changes.email) user.email = to_lower(*changes.email);
    if (changes.sex) user.sex = *changes.sex;
    if (changes.birthday) user.birthday = *changes.birthday;
    if (changes.work_from) user.work_from = *changes.work_from;
    if (changes.is_admin) user.is_admin = *changes.is_admin;
    if (changes.is_visitor) user.is_visitor = *changes.is_visitor && !user.is_admin;
    if (changes.disabled) apply_disabled(tx, user, *changes.disabled);
    user.updated = now_utc();
    tx.users().update(user);
    return user;
  });
}

UserRecord PeopleService::set_password(
    const Caller& caller, std::string_view id, std::string_view password,
    const std::function<void(const std::string& user_id)>& confirm_current) {
  validate_password(password);
  const UserRecord target = get(caller, id);
  const bool self = target.id == caller.user_id;
  if (!self && !caller.is_admin) throw_forbidden("You may only change your own password");
  // A token alone must not be enough to take over the account for good.
  if (self) confirm_current(target.id);
  const std::string hash = hasher_.hash(password);
  return store_.write_value([&](StoreTx& tx) {
    UserRecord user = load(tx, target.id);
    store_new_password(tx, user, hash);
    return user;
  });
}

UserRecord PeopleService::by_email(const Caller& caller, std::string_view email) {
  const UserRecord user = get(caller, email);
  if (user.email != to_lower(email)) throw_not_found();  // a user name, not an email
  return user;
}

std::vector<UserRecord> PeopleService::set_status(const Caller& caller, EmployeeStatus status,
                                                  const std::vector<std::string>& ids) {
  require_admin(caller);
  if (status != EmployeeStatus::kActive && status != EmployeeStatus::kTerminated)
    throw_bad_request("Parameter 'status' must be active or terminated");
  return store_.write_value([&](StoreTx& tx) {
    std::vector<UserRecord> users = load_listed(tx, ids);
    for (UserRecord& user : users) {
      if (user.id == caller.user_id) continue;
      apply_disabled(tx, user, status == EmployeeStatus::kTerminated);
      user.updated = now_utc();
      tx.users().update(user);
    }
    return users;
  });
}

std::vector<UserRecord> PeopleService::set_type(const Caller& caller, bool visitor,
                                                const std::vector<std::string>& ids) {
  require_admin(caller);
  return store_.write_value([&](StoreTx& tx) {
    std::vector<UserRecord> users = load_listed(tx, ids);
    for (UserRecord& user : users) {
      if (user.id == caller.user_id || user.is_admin || user.is_visitor == visitor) continue;
      user.is_visitor = visitor;
      user.updated = now_utc();
      tx.users().update(user);
    }
    return users;
  });
}

UserRecord PeopleService::remove(const Caller& caller, std::string_view id) {
  return store_.write_value([&](StoreTx& tx) {
    UserRecord user = load_for(tx, caller, id);
    require_admin(caller);
    if (user.status != EmployeeStatus::kTerminated)
      throw_conflict("The user is not disabled: disable them first, then delete them");
    tx.sessions().delete_tokens_of(user.id);
    tx.groups().forget_user(user.id);
    tx.file_shares().forget_subject(user.id);  // what was shared with them goes with them
    tx.photos().replace(user.id, {});
    tx.users().remove(user.id);
    return user;
  });
}

std::int64_t PeopleService::user_count() {
  return store_.read_value([](StoreTx& tx) { return tx.users().count_all(); });
}

}  // namespace projectd

namespace projectd {

UserRecord PeopleService::change_account(std::string_view email, AccountChange change) {
  return store_.write_value([&](StoreTx& tx) {
    UserRecord user = load_by_email(tx, email);
    switch (change) {
      case AccountChange::kDisable:
      case AccountChange::kEnable:
        apply_disabled(tx, user, change == AccountChange::kDisable);
        break;
      case AccountChange::kRevokeTokens:
        tx.sessions().delete_tokens_of(user.id);
        return user;  // the person is unchanged
      case AccountChange::kMakeAdmin:
        user.is_admin = true;
        user.is_visitor = false;  // an administrator is never a guest
        break;
      case AccountChange::kRevokeAdmin:
        user.is_admin = false;
        break;
    }
    user.updated = now_utc();
    tx.users().update(user);
    return user;
  });
}

UserRecord PeopleService::reset_password(std::string_view email, std::string_view password) {
  validate_password(password);
  const std::string hash = hasher_.hash(password);
  return store_.write_value([&](StoreTx& tx) {
    UserRecord user = load_by_email(tx, email);
    store_new_password(tx, user, hash);
    return user;
  });
}

std::vector<UserRecord> PeopleService::all_users() {
  return store_.read_value([](StoreTx& tx) {
    std::vector<UserRecord> everyone;
    UserQuery query;
    for (;;) {
      std::vector<UserRecord> page = tx.users().page(query);
      const bool last = static_cast<std::int64_t>(page.size()) < query.limit;
      everyone.insert(everyone.end(), std::make_move_iterator(page.begin()),
                      std::make_move_iterator(page.end()));
      if (last) return everyone;
      query.offset += query.limit;
    }
  });
}

}  // namespace projectd
