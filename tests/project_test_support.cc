#include "project_test_support.h"

#include <cstdio>

namespace projectd::test {

TestServer* ProjectSuite::server_ = nullptr;
Person* ProjectSuite::admin_ = nullptr;
int ProjectSuite::people_ = 0;
HttpClient* RolesSuite::client_ = nullptr;
std::vector<Person>* RolesSuite::roles_ = nullptr;

void RolesSuite::SetUpTestSuite() {
  ProjectSuite::SetUpTestSuite();
  client_ = new HttpClient(port());
  roles_ = new std::vector<Person>{add_person(), add_person(), add_person(), add_person(true)};
}

void RolesSuite::TearDownTestSuite() {
  delete client_;
  delete roles_;
  client_ = nullptr;
  roles_ = nullptr;
  ProjectSuite::TearDownTestSuite();
}

void ProjectSuite::start_server(const std::string& data_dir,
                                const std::vector<std::string>& flags) {
  server_ = new TestServer(flags, data_dir);
  admin_ = new Person{"", sign_in(server_->port(), kAdminEmail, kAdminPassword), kAdminEmail};
  HttpClient client(server_->port());
  const auto me = client.get("/api/2.0/people/@self", HttpClient::auth(admin_->token));
  admin_->id = std::string(me.json().at("response").at("id").as_string());
}

void ProjectSuite::stop_server() {
  // The server runs sanitized in the checked build: a report at exit (a leak) must fail the suite.
  const int code = server_->stop();
  EXPECT_EQ(code, 0) << server_->output();
  EXPECT_EQ(server_->output().find("Sanitizer"), std::string::npos) << server_->output();
  delete server_;
  delete admin_;
  server_ = nullptr;
  admin_ = nullptr;
}

Person ProjectSuite::add_person(bool guest) {
  char key[16];
  std::snprintf(key, sizeof key, "p%03d", ++people_);
  const std::string email = std::string(key) + "@example.com";
  HttpClient client(port());
  const auto res = client.post_json("/api/2.0/people",
                                    {{"email", email},
                                     {"firstName", std::string("Person ") + key},
                                     {"lastName", guest ? "Guest" : "Member"},
                                     {"isVisitor", guest},
                                     {"password", kMemberPassword}},
                                    admin());
  EXPECT_EQ(res.status, 201) << res.body;
  return Person{std::string(res.json().at("response").at("id").as_string()),
                sign_in(port(), email, kMemberPassword), email};
}

boost::json::object ProjectSuite::create_project(const boost::json::object& body,
                                                 const Headers& auth) {
  HttpClient client(port());
  const auto res = client.post_json("/api/2.0/project", body, auth);
  EXPECT_EQ(res.status, 201) << res.body;
  if (res.status != 201) return {};
  return res.json().at("response").as_object();
}

std::int64_t ProjectSuite::create_project_id(const boost::json::object& body, const Headers& auth) {
  const auto project = create_project(body, auth);
  return project.contains("id") ? project.at("id").as_int64() : 0;
}

boost::json::value ProjectSuite::get_ok(const std::string& path, const Headers& auth) {
  HttpClient client(port());
  const auto res = client.get(path, auth);
  EXPECT_EQ(res.status, 200) << path << ": " << res.body;
  if (res.status != 200) return nullptr;
  return res.json().at("response");
}

std::string ProjectSuite::error_message(const HttpResponse& response) {
  return std::string(response.json().at("error").at("message").as_string());
}

HttpResponse json_request(unsigned short port, const std::string& method, const std::string& target,
                          const boost::json::value& body, const Headers& auth) {
  HttpClient client(port);
  return json_request(client, method, target, body, auth);
}

HttpResponse json_request(HttpClient& client, const std::string& method, const std::string& target,
                          const boost::json::value& body, const Headers& auth) {
  Headers headers = auth;
  std::string text;
  if (!body.is_null()) {
    headers.emplace_back("Content-Type", "application/json");
    text = boost::json::serialize(body);
  }
  return client.request(method, target, text, headers);
}

std::vector<std::string> keys_of(const boost::json::object& object) {
  std::vector<std::string> keys;
  for (const auto& member : object)
    keys.emplace_back(member.key());
  return keys;
}

std::string string_or_empty(const boost::json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : std::string();
}

std::vector<std::int64_t> ids_of(const boost::json::value& array) {
  std::vector<std::int64_t> ids;
  for (const auto& item : array.as_array())
    ids.push_back(item.at("id").as_int64());
  return ids;
}

std::vector<std::string> user_ids_of(const boost::json::value& array) {
  std::vector<std::string> ids;
  for (const auto& item : array.as_array())
    ids.emplace_back(item.at("id").as_string());
  return ids;
}

boost::json::value response_of(const HttpResponse& res, int expected_status) {
  EXPECT_EQ(res.status, expected_status) << res.body;
  if (res.status != expected_status) return nullptr;
  return res.json().at("response");
}

std::string project_path(std::int64_t id, const std::string& rest) {
  return "/api/2.0/project/" + std::to_string(id) + rest;
}

}  // namespace projectd::test
