#include "portal_fixture.h"

#include <gtest/gtest.h>

namespace projectd::test {

Portal::Portal() : client_(server_.port()) {
  people_["admin"] = Person{"", sign_in(port(), kAdminEmail, kAdminPassword)};
  const auto self = client_.get("/api/2.0/people/@self", admin().auth());
  people_["admin"].id = str(response_of(self, 200).at("id"));
  for (const char* name : {"pm", "member", "outsider"})
    add_person(name);
  add_person("guest", true);
}

Person Portal::add_person(const std::string& name, bool guest) {
  const std::string email = name + "@example.com";
  const auto res = client_.post_json("/api/2.0/people",
                                     {{"email", email},
                                      {"firstName", name},
                                      {"lastName", "Tester"},
                                      {"isVisitor", guest},
                                      {"password", "password-" + name}},
                                     admin().auth());
  Person person{str(response_of(res, 201).at("id")), sign_in(port(), email, "password-" + name)};
  people_[name] = person;
  return person;
}

std::int64_t Portal::create_project(const std::string& title, bool is_private) {
  const auto res = client_.post_json(
      "/api/2.0/project",
      {{"title", title},
       {"responsibleId", pm().id},
       {"private", is_private},
       {"participants",
        boost::json::array{boost::json::string(member().id), boost::json::string(guest().id)}}},
      admin().auth());
  return response_of(res, 201).at("id").as_int64();
}

void Portal::set_project_status(std::int64_t id, const std::string& status) {
  const auto res = client_.put_json("/api/2.0/project/" + std::to_string(id) + "/status",
                                    {{"status", status}}, admin().auth());
  response_of(res, 200);
}

boost::json::value response_of(const HttpResponse& res, int expected_status) {
  EXPECT_EQ(res.status, expected_status) << res.body;
  if (res.status != expected_status) return nullptr;
  return res.json().at("response");
}

std::vector<std::string> keys_of(const boost::json::object& o) {
  std::vector<std::string> keys;
  for (const auto& kv : o)
    keys.emplace_back(kv.key());
  return keys;
}

std::string str(const boost::json::value& v) {
  return v.is_string() ? std::string(v.as_string()) : std::string();
}

}  // namespace projectd::test
