// The fixtures of the authorization matrix (authorization_matrix_http_test.cc), shared with the
// cache freshness test (cache_freshness_http_test.cc): people in every role, and per route a
// project with a milestone, tasks, a subtask, a link, comments, a discussion, files and the
// optional objects the route names, all made through the API as the admin.
#pragma once

#include "authorization_matrix_support.h"
#include "files_test_support.h"

#include <atomic>
#include <map>
#include <set>
#include <string>

namespace projectd::test::matrix {

// The values make_fixture() fills; a placeholder outside this set fails its route by name.
inline const std::set<std::string> kFixtureValues = {
    "project",      "milestone",     "task",       "task2",   "task3",    "subtask",
    "comment",      "message",       "file",       "file2",   "folder",   "status",
    "manager",      "member",        "restricted", "target",  "search",   "marker",
    "member_email", "password",      "time",       "group",   "template", "upload_session",
    "common_file",  "common_folder", "webhook",    "delivery"};

class MatrixFixture : public FilesSuite {
 protected:
  void SetUp() override;

  const std::string& id_of(Role role) const { return people_.at(role).id; }

  // The role's headers; `fresh` signs in again, for a call that revokes its token.
  Headers auth_of(Role role, bool fresh) const;

  static HttpResponse send(const std::string& method, const std::string& target,
                           const std::string& body, const std::string& content_type,
                           Headers headers);

  // A call as the admin that must answer `expected`; the `id` of its response, as text.
  static std::string made(const std::string& method, const std::string& target,
                          const boost::json::object& body, int expected = 201);

  // One fixture set, as the admin: a project managed by `manager` with `member`, `team_guest` and
  // `restricted` (denied tasks, files, discussions and milestones) in its team; a milestone; a task
  // for `member` with a subtask, a link to a second task, a comment and an attached file (and time
  // logged for `member` when the route names it); a discussion with a comment; a subfolder.
  // `wanted` asks for the optional objects. Every title carries the fixture's markers.
  Values make_fixture(const std::set<std::string>& wanted, bool is_private, bool is_closed);

  std::map<Role, Person> people_;  // everybody but the anonymous
  Person target_;                  // whom people/{userid} names: nobody signs in as them
  std::atomic<int> fixtures_{0};
};

}  // namespace projectd::test::matrix
