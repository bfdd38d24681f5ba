#include "authorization_matrix_fixture.h"

#include "base/time.h"
#include "store_sql.h"

namespace projectd::test::matrix {

void MatrixFixture::SetUp() {
  for (Role role : {Role::kNonMember, Role::kGuest, Role::kTeamGuest, Role::kRestricted,
                    Role::kMember, Role::kManager})
    people_[role] = add_person(role == Role::kGuest || role == Role::kTeamGuest);
  people_[Role::kAdmin] = *admin_;
  target_ = add_person();
}

Headers MatrixFixture::auth_of(Role role, bool fresh) const {
  const auto person = people_.find(role);
  if (person == people_.end()) return {};  // anonymous
  if (!fresh) return person->second.auth();
  const char* password = role == Role::kAdmin ? kAdminPassword : kMemberPassword;
  return HttpClient::auth(sign_in(port(), person->second.email, password));
}

HttpResponse MatrixFixture::send(const std::string& method, const std::string& target,
                                 const std::string& body, const std::string& content_type,
                                 Headers headers) {
  if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
  return HttpClient(port()).request(method, target, body, headers);
}

std::string MatrixFixture::made(const std::string& method, const std::string& target,
                                const boost::json::object& body, int expected) {
  const auto res = send(method, target, boost::json::serialize(body), "application/json", admin());
  const auto response = response_of(res, expected);
  if (!response.is_object() || !response.as_object().contains("id")) return "";
  const auto& id = response.at("id");
  return id.is_string() ? std::string(id.as_string()) : boost::json::serialize(id);
}

Values MatrixFixture::make_fixture(const std::set<std::string>& wanted, bool is_private,
                                   bool is_closed) {
  const std::string marker = (is_private ? "qx" : "pb") + std::to_string(++fixtures_) + "x";
  const std::string content = matrix::content_marker(marker);
  const std::string& manager = id_of(Role::kManager);
  const std::string& member = id_of(Role::kMember);
  const std::string& restricted = id_of(Role::kRestricted);
  Values v = {{"manager", manager},
              {"member", member},
              {"restricted", restricted},
              {"target", target_.id},
              {"member_email", people_.at(Role::kMember).email},
              {"password", kMemberPassword},
              {"search", marker},
              {"marker", marker}};
  const auto project = create_project(
      {{"title", matrix::project_marker(marker)},
       {"responsibleId", manager},
       {"participants", boost::json::array{member, restricted, id_of(Role::kTeamGuest)}},
       {"private", is_private}},
      admin());
  if (!project.contains("id")) return v;
  const std::int64_t id = project.at("id").as_int64();
  const std::string folder = std::to_string(project.at("projectFolder").as_int64());
  v["project"] = std::to_string(id);
  made("PUT", project_path(id, "/team/security"),
       {{"userId", restricted}, {"security", "tasks,files,messages,milestones"}}, 200);
  v["milestone"] =
      std::to_string(insert_milestone(id, content + " milestone", "2030-01-01", manager));
  const std::int64_t task = create_task_id(
      id, {{"title", content + " task"}, {"responsibles", boost::json::array{member}}}, admin());
  const std::string task_path = "/api/2.0/project/task/" + std::to_string(task);
  v["task"] = std::to_string(task);
  v["task2"] = std::to_string(create_task_id(id, {{"title", content + " second"}}, admin()));
  v["subtask"] = std::to_string(
      create_subtask_id(task, {{"title", content + " subtask"}, {"responsible", member}}, admin()));
  made("POST", task_path + "/link", {{"dependenceTaskId", std::stoll(v["task2"])}});
  v["comment"] = made("POST", task_path + "/comment", {{"content", content + " comment"}});
  v["message"] =
      made("POST", project_path(id, "/message"), {{"title", content}, {"content", content}});
  made("POST", "/api/2.0/project/message/" + v["message"] + "/comment", {{"content", content}});
  const std::int64_t file = create_text_id(folder, content + " file", content, admin());
  v["file"] = std::to_string(file);
  made("POST", task_path + "/files", {{"files", boost::json::array{file}}});
  v["folder"] = made("POST", files_path("folder/" + folder), {{"title", content + " folder"}});
  if (wanted.count("task3"))
    v["task3"] = std::to_string(create_task_id(id, {{"title", content + " third"}}, admin()));
  if (wanted.count("file2"))
    v["file2"] = std::to_string(create_text_id(folder, content + " other", content, admin()));
  // Time the admin logged for `member` on the task: the member's to change, not billed.
  if (wanted.count("time"))
    v["time"] = made("POST", task_path + "/time",
                     {{"date", "2030-01-01"}, {"personId", member}, {"hours", 2}});
  if (wanted.count("status"))
    v["status"] = made("POST", "/api/2.0/project/status",
                       {{"title", "Matrix status"}, {"statusType", "open"}});
  if (wanted.count("group"))
    v["group"] = made("POST", "/api/2.0/group", {{"groupName", "Matrix group"}});
  // A webhook to a loopback address (refused at delivery: nothing leaves), and one delivery of
  // it as the outbox holds a sent one (no route publishes events, so it is written directly).
  if (wanted.count("webhook") || wanted.count("delivery"))
    v["webhook"] = made("POST", "/api/2.0/webhooks",
                        {{"url", "http://127.0.0.1:9/matrix"}, {"events", "task.*"}});
  if (wanted.count("delivery")) {
    auto db = connect_store(server_->store_url());
    const Timestamp now = now_utc();
    v["delivery"] = std::to_string(
        db->prepare("INSERT INTO deliveries (channel, target, event_type, key, payload, created, "
                    "state, attempts, next_attempt) VALUES ('webhook', ?1, 'task.created', ?2, "
                    "'{}', ?3, 1, 1, ?3) RETURNING id")
            .bind_all(v["webhook"], "matrix-" + marker, now)
            .run_returning_id());
  }
  // Sharing names @common entries: no project marker, whoever may read @common sees them.
  if (wanted.count("common_file"))
    v["common_file"] =
        std::to_string(create_text_id("@common", "Matrix shared file", "shared", admin()));
  if (wanted.count("common_folder"))
    v["common_folder"] = made("POST", files_path("folder/@common"), {{"title", "Matrix shared"}});
  if (wanted.count("template"))
    v["template"] = made("POST", "/api/2.0/project/template", {{"title", "Matrix template"}});
  // A chunked upload session is its opener's (the admin's) alone: everybody else gets 404.
  if (wanted.count("upload_session")) {
    const auto session = response_of(
        send("POST", files_path(v["folder"] + "/upload/create_session"),
             R"({"fileName":"matrix.bin","fileSize":1000})", "application/json", admin()),
        201);
    if (session.is_object()) v["upload_session"] = session.at("data").at("id").as_string();
  }
  if (is_closed) made("PUT", project_path(id, "/status"), {{"status", "closed"}}, 200);
  return v;
}

}  // namespace projectd::test::matrix
