// Shared set-up of the project HTTP tests: one server per suite, the admin's token, people of
// every kind, and projects made through the API.
#pragma once

#include "http_client.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace projectd::test {

// The password of every person add_person() makes.
inline constexpr const char* kMemberPassword = "member-password";

struct Person {
  std::string id;
  std::string token;
  std::string email;
  Headers auth() const { return HttpClient::auth(token); }
};

class ProjectSuite : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { start_server(); }
  static void TearDownTestSuite() { stop_server(); }
  // Starts the suite's server on `data_dir` (empty: a fresh temporary one) with `flags` added to
  // serve's, and signs the admin in.
  static void start_server(const std::string& data_dir = "",
                           const std::vector<std::string>& flags = {});
  // Stops it; a non-zero exit or a sanitizer report fails the test.
  static void stop_server();

  static unsigned short port() { return server_->port(); }
  static Headers admin() { return HttpClient::auth(admin_->token); }
  static const std::string& admin_id() { return admin_->id; }
  // A new signed-in person with a unique email; first names sort in creation order.
  static Person add_person(bool guest = false);

  // POST api/2.0/project as `auth`; fails the test unless it answers 201. Returns the project.
  static boost::json::object create_project(const boost::json::object& body, const Headers& auth);
  static std::int64_t create_project_id(const boost::json::object& body, const Headers& auth);
  // The envelope's `response` of a GET that must answer 200.
  static boost::json::value get_ok(const std::string& path, const Headers& auth);
  // The value of error.message.
  static std::string error_message(const HttpResponse& response);

  static TestServer* server_;
  static Person* admin_;
  static int people_;
};

// A suite with four people beside the admin, for the rules of each role: a project manager, a
// member, an outsider and a guest (made in that order), and a keep-alive client.
class RolesSuite : public ProjectSuite {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();
  static HttpClient& client() { return *client_; }
  static const Person& pm() { return (*roles_)[0]; }
  static const Person& member() { return (*roles_)[1]; }
  static const Person& outsider() { return (*roles_)[2]; }
  static const Person& guest() { return (*roles_)[3]; }

  static HttpClient* client_;
  static std::vector<Person>* roles_;
};

// A request to `target` (e.g. "/api/2.0/project/...") on the server at `port` with a JSON body
// (none when `body` is null) and `auth`.
HttpResponse json_request(unsigned short port, const std::string& method, const std::string& target,
                          const boost::json::value& body, const Headers& auth);
// The same on `client`'s keep-alive connection.
HttpResponse json_request(HttpClient& client, const std::string& method, const std::string& target,
                          const boost::json::value& body, const Headers& auth);
std::vector<std::string> keys_of(const boost::json::object& object);
// The `response` of an answer that must have `expected_status`; null (and a failure) otherwise.
boost::json::value response_of(const HttpResponse& res, int expected_status);
// The `id` of each element of a JSON array.
std::vector<std::int64_t> ids_of(const boost::json::value& array);
// A JSON string's text; "" for anything else (null, a number).
std::string string_or_empty(const boost::json::value& v);
std::vector<std::string> user_ids_of(const boost::json::value& array);
std::string project_path(std::int64_t id, const std::string& rest = "");

}  // namespace projectd::test
