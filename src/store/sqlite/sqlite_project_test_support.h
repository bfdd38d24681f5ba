// A fixture for the project-surface repository tests: a migrated database on one connection with
// the repositories over it, so tests can count statements and look at tables directly, and
// builders of valid records.
#pragma once

#include "store/migrations.h"
#include "store/sql/sql_repos.h"
#include "store/sqlite/sqlite_migrator.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace projectd::testing {

inline ProjectRecord make_project(std::string title, std::string responsible_id) {
  ProjectRecord p;
  p.title = std::move(title);
  p.responsible_id = responsible_id;
  p.created = from_ticks(1'000);
  p.created_by = responsible_id;
  p.updated = from_ticks(2'000);
  p.updated_by = std::move(responsible_id);
  return p;
}

inline MilestoneRecord make_milestone(std::int64_t project_id, std::string title,
                                      std::string responsible_id) {
  MilestoneRecord m;
  m.project_id = project_id;
  m.title = std::move(title);
  m.deadline = from_ticks(50'000);
  m.responsible_id = responsible_id;
  m.created = from_ticks(1'000);
  m.created_by = responsible_id;
  m.updated = from_ticks(2'000);
  m.updated_by = std::move(responsible_id);
  return m;
}

inline TaskRecord make_task(std::int64_t project_id, std::string title,
                            std::string created_by = "id-admin") {
  TaskRecord t;
  t.project_id = project_id;
  t.title = std::move(title);
  t.created = from_ticks(1'000);
  t.created_by = created_by;
  t.updated = from_ticks(2'000);
  t.updated_by = std::move(created_by);
  return t;
}

inline SubtaskRecord make_subtask(std::int64_t task_id, std::string title) {
  SubtaskRecord s;
  s.task_id = task_id;
  s.title = std::move(title);
  s.created = from_ticks(1'000);
  s.created_by = "id-admin";
  s.updated = from_ticks(2'000);
  s.updated_by = "id-admin";
  return s;
}

// The error fn throws; fails the test when it throws none.
inline ApiError error_of(const std::function<void()>& fn) {
  try {
    fn();
  } catch (const ApiError& e) {
    return e;
  }
  ADD_FAILURE() << "no error";
  return ApiError(ErrorKind::kInternal, "no error");
}

class SqliteProjectTestBase : public ::testing::Test {
 protected:
  SqliteProjectTestBase() {
    apply_migrations(connection_, all_migrations());
    // Tests need no durability; without this every insert waits for an fsync.
    connection_.execute_script("PRAGMA synchronous = OFF");
    add_user("admin", true);
  }

  // Inserts the user "id-<key>" and returns its id.
  std::string add_user(const std::string& key, bool is_admin = false, bool is_visitor = false) {
    UserRecord user = make_user(key);
    user.is_admin = is_admin;
    user.is_visitor = is_visitor;
    tx_.users().insert(user);
    return user.id;
  }

  std::int64_t rows(const std::string& table) {
    SqlStatement count = connection_.prepare("SELECT count(*) FROM " + table);
    count.step();
    return count.int64(0);
  }

  // Statements fn leases from the connection.
  std::uint64_t statements_of(const std::function<void()>& fn) {
    std::uint64_t before = connection_.statements_leased();
    fn();
    return connection_.statements_leased() - before;
  }

  TempDir dir_;
  SqliteConnection connection_{dir_.file("projectd.db"), {}};
  SqlTx tx_{connection_};
};

}  // namespace projectd::testing
