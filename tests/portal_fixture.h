// A running portal for project-surface tests: the server, an admin, and people in the roles
// original-wire §4.10 distinguishes (a project manager, a team member, an outsider, a guest),
// each signed in, plus helpers that create projects the way a client would.
#pragma once

#include "http_client.h"
#include "test_server.h"

#include <boost/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace projectd::test {

struct Person {
  std::string id;
  std::string token;
  Headers auth() const { return HttpClient::auth(token); }
};

class Portal {
 public:
  Portal();
  unsigned short port() const { return server_.port(); }
  HttpClient& client() { return client_; }

  const Person& admin() const { return people_.at("admin"); }
  const Person& pm() const { return people_.at("pm"); }
  const Person& member() const { return people_.at("member"); }
  const Person& outsider() const { return people_.at("outsider"); }
  const Person& guest() const { return people_.at("guest"); }
  // Adds and signs in one more person.
  Person add_person(const std::string& name, bool guest = false);

  // A project managed by pm() with member() (and the guest) in the team; returns its id.
  std::int64_t create_project(const std::string& title, bool is_private = false);
  // PUT project/{id}/status as the admin.
  void set_project_status(std::int64_t id, const std::string& status);

 private:
  TestServer server_;
  HttpClient client_;
  std::map<std::string, Person> people_;
};

// The `response` of a successful answer; fails the test (and returns null) on another status.
boost::json::value response_of(const HttpResponse& res, int expected_status);
std::vector<std::string> keys_of(const boost::json::object& o);
std::string str(const boost::json::value& v);

}  // namespace projectd::test
