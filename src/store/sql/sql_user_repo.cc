#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_repos.h"

#include <string>

namespace projectd {
namespace {

const std::string kUserColumns =
    "id, user_name, email, first_name, last_name, title, location, notes, sex, birthday, "
    "work_from, terminated, is_admin, is_visitor, status, activation_status, password_hash, "
    "created, updated";

const std::string kUserSelect = "SELECT " + kUserColumns + " FROM users ";

// ?1 the filter text ('' for none), ?2 its LIKE pattern, ?3 status or NULL, ?4 is_visitor or
// NULL, ?5 1 when the text may match the email, ?6 a group id or NULL. Removed people are never
// in the directory.
std::string filter_sql(const SqlDialect& dialect) {
  return "WHERE removed = 0 AND (?1 = '' OR " + dialect.like("first_name", "?2") + " OR " +
         dialect.like("last_name", "?2") + " OR (?5 = 1 AND " + dialect.like("email", "?2") +
         ") OR " + dialect.like("user_name", "?2") +
         ") AND (?3 IS NULL OR status = ?3) AND (?4 IS NULL OR is_visitor = ?4) AND (?6 IS NULL OR "
         "id IN (SELECT user_id FROM group_members WHERE group_id = ?6)) ";
}

const std::string kUserById = kUserSelect + "WHERE id = ?1 AND removed = 0";
// Both sides lowered so the lower(email) and lower(user_name) indexes serve the lookup; an email
// match wins over another user's user name that happens to equal it.
std::string by_login_sql(const SqlDialect& dialect) {
  const std::string email = dialect.ascii_lower("email");
  const std::string login = dialect.ascii_lower("?1");
  return kUserSelect + "WHERE removed = 0 AND (" + email + " = " + login + " OR " +
         dialect.ascii_lower("user_name") + " = " + login + ") ORDER BY " + email + " = " + login +
         " DESC LIMIT 1";
}
const std::string kUserInsert = "INSERT INTO users (" + kUserColumns +
                                ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                                "?14, ?15, ?16, ?17, ?18, ?19)";
const std::string kUserUpdate =
    "UPDATE users SET user_name = ?2, email = ?3, first_name = ?4, last_name = ?5, title = ?6, "
    "location = ?7, notes = ?8, sex = ?9, birthday = ?10, work_from = ?11, terminated = ?12, "
    "is_admin = ?13, is_visitor = ?14, status = ?15, activation_status = ?16, "
    "password_hash = ?17, created = ?18, updated = ?19 WHERE id = ?1 AND removed = 0";

UserRecord read_user(const SqlStatement& row) {
  UserRecord user;
  user.id = row.text(0);
  user.user_name = row.text(1);
  user.email = row.text(2);
  user.first_name = row.text(3);
  user.last_name = row.text(4);
  user.title = row.text(5);
  user.location = row.text(6);
  user.notes = row.text(7);
  user.sex = row.optional_text(8);
  user.birthday = row.optional_timestamp(9);
  user.work_from = row.optional_timestamp(10);
  user.terminated = row.optional_timestamp(11);
  user.is_admin = row.int64(12) != 0;
  user.is_visitor = row.int64(13) != 0;
  user.status = static_cast<EmployeeStatus>(row.int64(14));
  user.activation_status = static_cast<ActivationStatus>(row.int64(15));
  user.password_hash = row.text(16);
  user.created = row.timestamp(17);
  user.updated = row.timestamp(18);
  return user;
}

// Insert and update bind the same 19 parameters in the same order.
void bind_user(SqlStatement& statement, const UserRecord& u) {
  statement.bind_all(u.id, u.user_name, u.email, u.first_name, u.last_name, u.title, u.location,
                     u.notes, u.sex, u.birthday, u.work_from, u.terminated, u.is_admin,
                     u.is_visitor, u.status, u.activation_status, u.password_hash, u.created,
                     u.updated);
}

// Runs an insert or update, turning a taken email or user name into the client's 409.
void run_unique(SqlStatement& statement) {
  try {
    statement.run();
  } catch (const SqlError& e) {
    if (e.constraint() == SqlConstraint::kUnique) {
      throw ApiError(ErrorKind::kConflict, "A user with this email or user name already exists");
    }
    throw;
  }
}

void bind_filter(SqlStatement& statement, const UserQuery& query) {
  statement.bind_all(query.text, like_pattern(query.text), query.status, query.is_visitor,
                     query.match_email, query.group_id);
}

std::optional<UserRecord> one_user(SqlStatement& statement) {
  if (!statement.step()) return std::nullopt;
  return read_user(statement);
}

}  // namespace

std::optional<UserRecord> SqlUserRepo::by_id(std::string_view id) {
  SqlStatement statement = connection_.prepare(kUserById);
  statement.bind_all(id);
  return one_user(statement);
}

std::optional<UserRecord> SqlUserRepo::by_login(std::string_view login) {
  SqlStatement statement = connection_.prepare(by_login_sql(connection_.dialect()));
  statement.bind_all(login);
  return one_user(statement);
}

std::vector<UserRecord> SqlUserRepo::by_ids(const std::vector<std::string>& ids) {
  std::vector<UserRecord> users;
  if (ids.empty()) return users;
  SqlStatement statement =
      connection_.prepare(kUserSelect + "WHERE removed = 0 AND " +
                          connection_.dialect().in_ids("id", 1, ids.size(), SqlType::kText));
  statement.bind_all(ids_value(ids));
  while (statement.step())
    users.push_back(read_user(statement));
  return users;
}

std::vector<UserRecord> SqlUserRepo::page(const UserQuery& query) {
  SqlStatement statement =
      connection_.prepare(kUserSelect + filter_sql(connection_.dialect()) +
                          "ORDER BY first_name, last_name, id LIMIT ?7 OFFSET ?8");
  bind_filter(statement, query);
  statement.bind(7, query.limit);
  statement.bind(8, query.offset);
  std::vector<UserRecord> users;
  while (statement.step())
    users.push_back(read_user(statement));
  return users;
}

std::int64_t SqlUserRepo::count(const UserQuery& query) {
  SqlStatement statement =
      connection_.prepare("SELECT count(*) FROM users " + filter_sql(connection_.dialect()));
  bind_filter(statement, query);
  statement.step();
  return statement.int64(0);
}

std::int64_t SqlUserRepo::count_all() {
  SqlStatement statement = connection_.prepare("SELECT count(*) FROM users WHERE removed = 0");
  statement.step();
  return statement.int64(0);
}

void SqlUserRepo::insert(const UserRecord& user) {
  SqlStatement statement = connection_.prepare(kUserInsert);
  bind_user(statement, user);
  run_unique(statement);
}

void SqlUserRepo::update(const UserRecord& user) {
  SqlStatement statement = connection_.prepare(kUserUpdate);
  bind_user(statement, user);
  run_unique(statement);
  if (connection_.changes() == 0) throw_not_found();
}

void SqlUserRepo::remove(std::string_view id) {
  connection_.prepare("UPDATE users SET removed = 1 WHERE id = ?1").bind_all(id).run();
}

}  // namespace projectd
