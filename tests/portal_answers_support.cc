#include "portal_answers_support.h"

namespace projectd::test {

Portal PortalAnswersSuite::seed() {
  Portal p;
  p.member = add_person();
  p.other = add_person();
  p.guest = add_person(true);
  HttpClient client(port());
  p.review =
      response_of(client.post_json("/api/2.0/project/status",
                                   {{"title", "In review"}, {"statusType", "open"}}, admin()),
                  201)
          .at("id")
          .as_int64();
  p.open_project = create_project_id({{"title", "Apollo"},
                                      {"description", "To the moon"},
                                      {"responsibleId", p.member.id},
                                      {"tags", "space, moon"},
                                      {"participants", {p.member.id, p.other.id, p.guest.id}}},
                                     admin());
  p.private_project = create_project_id({{"title", "Zeta secret"},
                                         {"private", true},
                                         {"tags", "moon"},
                                         {"participants", {p.member.id}}},
                                        admin());
  p.milestone = insert_milestone(p.open_project, "Launch", "2031-03-04T10:00:00Z", p.member.id);
  const std::vector<boost::json::object> tasks = {
      {{"title", "beta wiring"},
       {"responsibles", {p.member.id}},
       {"milestoneid", p.milestone},
       {"deadline", "2030-05-01T00:00:00Z"},
       {"priority", "high"}},
      {{"title", "Alpha fuel"}, {"responsibles", {p.member.id, p.other.id}}, {"priority", "low"}},
      {{"title", "gamma review"},
       {"deadline", "2029-01-01T00:00:00Z"},
       {"startDate", "2028-01-01T00:00:00Z"}},
      {{"title", "Delta closed"},
       {"responsibles", {p.other.id}},
       {"deadline", "2029-06-01T00:00:00Z"}}};
  for (const auto& body : tasks)
    p.tasks.push_back(create_task_id(p.open_project, body, admin()));
  p.tasks.push_back(create_task_id(
      p.private_project, {{"title", "Hidden"}, {"responsibles", {p.member.id}}}, admin()));
  const std::int64_t first = p.tasks[0];
  create_subtask_id(first, {{"title", "Solder"}, {"responsible", p.member.id}}, admin());
  create_subtask_id(first, {{"title", "Test"}}, admin());
  EXPECT_EQ(call("POST", task_path(p.tasks[2], "/link"),
                 {{"dependenceTaskId", p.tasks[3]}, {"linkType", "End"}}, admin())
                .status,
            201);
  EXPECT_EQ(call("PUT", task_path(p.tasks[2], "/status"), {{"statusId", p.review}}, admin()).status,
            200);
  EXPECT_EQ(call("PUT", task_path(p.tasks[3], "/status"), {{"status", "closed"}}, admin()).status,
            200);
  const auto comment = response_of(
      call("POST", task_path(first, "/comment"), {{"content", "<p>Looks good</p>"}}, admin()), 201);
  p.comment = std::string(comment.at("id").as_string());
  EXPECT_EQ(call("POST", task_path(first, "/comment"),
                 {{"content", "<p>Thanks</p>"}, {"parentid", p.comment}}, p.member.auth())
                .status,
            201);
  p.message = response_of(client.post_json(project_path(p.open_project, "/message"),
                                           {{"title", "Kick-off"},
                                            {"content", "<p>Agenda</p>"},
                                            {"participants", {p.member.id}}},
                                           admin()),
                          201)
                  .at("id")
                  .as_int64();
  const std::string message = "message/" + std::to_string(p.message);
  EXPECT_EQ(call("POST", message + "/comment", {{"content", "<p>Count me in</p>"}}, p.member.auth())
                .status,
            201);

  const std::string folder = std::to_string(project_folder(p.open_project));
  p.files.push_back(upload_id(folder, "plan.txt", "the plan", admin()));
  p.files.push_back(create_text_id(folder, "notes", "some notes", admin()));
  p.files.push_back(create_text_id("@common", "welcome", "hello all", admin()));
  p.subfolder =
      response_of(files_call("POST", "folder/@my", {{"title", "Archive"}}, p.member.auth()), 201)
          .at("id")
          .as_int64();
  p.files.push_back(
      upload_id(std::to_string(p.subfolder), "old.bin", std::string("\0\1\2", 3), p.member.auth()));
  EXPECT_EQ(call("POST", task_path(first, "/files"), {{"files", {p.files[0], p.files[1]}}}, admin())
                .status,
            201);
  EXPECT_EQ(call("DELETE", task_path(first, "/files"), {{"fileid", p.files[1]}}, admin()).status,
            200);
  EXPECT_EQ(call("POST", message + "/files", {{"files", {p.files[1]}}}, admin()).status, 201);
  // The trash (migration 0013): an attached file deleted into the admin's trash, which keeps
  // what it was attached to.
  const std::int64_t trashed = upload_id(folder, "trashed.txt", "in the trash", admin());
  EXPECT_EQ(call("POST", task_path(first, "/files"), {{"files", {trashed}}}, admin()).status, 201);
  EXPECT_EQ(files_call("DELETE", "file/" + std::to_string(trashed), nullptr, admin()).status, 200);
  // A file operation (migration 0010): the member's copy, listed by files/fileops.
  EXPECT_EQ(files_call("PUT", "fileops/copy", {{"destFolderId", "@my"}, {"fileIds", {p.files[3]}}},
                       p.member.auth())
                .status,
            200);

  EXPECT_EQ(call("GET", task_path(first, "/notify"), nullptr, admin()).status, 200);
  EXPECT_EQ(
      client.request("PUT", project_path(p.open_project, "/follow"), "", p.other.auth()).status,
      200);
  EXPECT_EQ(client
                .post_json("/api/2.0/authentication",
                           {{"userName", p.other.email}, {"password", "wrong-password"}})
                .status,
            401);

  // Time: a member's, one billed by the manager, one on the private project.
  for (const auto& [task, body] : std::vector<std::pair<std::int64_t, boost::json::object>>{
           {first, {{"personId", p.member.id}, {"hours", 1.5}, {"note", "wired"}}},
           {p.tasks[1], {{"personId", p.other.id}, {"hours", "0.1"}}},
           {p.tasks[4], {{"personId", p.member.id}, {"hours", 2}}}}) {
    boost::json::object sent = body;
    sent["date"] = "2030-01-02";
    const auto res = call("POST", task_path(task, "/time"), sent, p.member.auth());
    EXPECT_EQ(res.status, 201) << res.body;
    if (task == p.tasks[1] && res.status == 201)
      p.billed_time = res.json().at("response").at("id").as_int64();
  }
  EXPECT_EQ(call("PUT", "time/times/status",
                 {{"timeids", boost::json::array{p.billed_time}}, {"status", "billed"}}, admin())
                .status,
            200);
  // A people group, and a person who left: disabled, deleted, still the responsible of a task.
  p.group = std::string(response_of(client.post_json("/api/2.0/group",
                                                     {{"groupName", "Crew"},
                                                      {"groupManager", p.member.id},
                                                      {"members", {p.other.id}}},
                                                     admin()),
                                    201)
                            .at("id")
                            .as_string());
  // A webhook endpoint (issue 18), disabled so that no delivery changes its answer.
  p.webhook =
      response_of(
          client.post_json("/api/2.0/webhooks",
                           {{"url", "http://127.0.0.1:9/portal"}, {"events", {"task.*"}}}, admin()),
          201)
          .at("id")
          .as_int64();
  EXPECT_EQ(
      client
          .put_json("/api/2.0/webhooks/" + std::to_string(p.webhook), {{"enabled", false}}, admin())
          .status,
      200);
  const Person leaver = add_person();
  EXPECT_EQ(
      client.post_json(project_path(p.open_project, "/team"), {{"userId", leaver.id}}, admin())
          .status,
      201);
  const std::int64_t left = create_task_id(
      p.open_project, {{"title", "Left behind"}, {"responsibles", {leaver.id}}}, admin());
  p.tasks.push_back(left);
  EXPECT_EQ(
      client.put_json("/api/2.0/people/status/terminated", {{"userIds", {leaver.id}}}, admin())
          .status,
      200);
  EXPECT_EQ(client.request("DELETE", "/api/2.0/people/" + leaver.id, "", admin()).status, 200);
  // The rest of the Projects module (migration 0009): an archived discussion, a tag of no
  // project, both halves of the settings, a template, a gantt order and who left a team.
  EXPECT_EQ(call("PUT", message + "/status", {{"status", "archived"}}, admin()).status, 200);
  EXPECT_EQ(call("POST", "tag", {{"data", "Lonely tag"}}, admin()).status, 201);
  EXPECT_EQ(call("PUT", "settings", {{"startModule", "discussions"}}, p.member.auth()).status, 200);
  EXPECT_EQ(call("PUT", "settings", {{"hideEntitiesInPausedProjects", false}}, admin()).status,
            200);
  EXPECT_EQ(
      call("POST", "template", {{"title", "Plan"}, {"description", "{\"tasks\":[]}"}}, admin())
          .status,
      201);
  EXPECT_EQ(call("PUT", std::to_string(p.open_project) + "/order",
                 {{"order", "{\"tasks\":[" + std::to_string(p.tasks.front()) + "]}"}}, admin())
                .status,
            200);
  const std::string team = std::to_string(p.open_project) + "/team";
  EXPECT_EQ(call("POST", team, {{"userId", p.other.id}}, admin()).status, 201);
  EXPECT_EQ(call("DELETE", team, {{"userId", p.other.id}}, admin()).status, 200);

  // A chunked upload session (migration 0011), half sent: it goes on after the copy.
  const auto session =
      response_of(files_call("POST", "@my/upload/create_session",
                             {{"fileName", "half.bin"}, {"fileSize", 8}}, p.member.auth()),
                  201);
  const std::string location(session.at("data").at("location").as_string());
  p.upload = location.substr(location.find("/products/"));
  EXPECT_EQ(client.request("POST", p.upload, "half", p.member.auth()).status, 200);
  // Documents per person (migration 0012): settings, favourites, a template and recent files
  // (the uploads above made the admin's and the member's).
  EXPECT_EQ(files_call("PUT", "updateifexist", {{"set", true}}, p.member.auth()).status, 200);
  EXPECT_EQ(files_call("PUT", "settings/autocleanup", {{"set", true}, {"gap", "OneMonth"}},
                       p.member.auth())
                .status,
            200);
  EXPECT_EQ(files_call("POST", "favorites",
                       {{"fileIds", {p.files[2]}}, {"folderIds", {p.subfolder}}}, p.member.auth())
                .status,
            201);
  const std::int64_t form =
      response_of(files_call("POST", "@common/file", {{"title", "Form.docx"}}, admin()), 201)
          .at("id")
          .as_int64();
  EXPECT_EQ(files_call("POST", "templates", {{"fileIds", {form}}}, admin()).status, 201);
  EXPECT_EQ(downloaded(p.files[2], p.member.auth()), "hello all");

  // Sharing (migration 0014): the member's Archive shared with the guest, and a link.
  EXPECT_EQ(
      files_call("PUT", "folder/" + std::to_string(p.subfolder) + "/share",
                 {{"share", {{{"shareTo", p.guest.id}, {"access", "Read"}}}}}, p.member.auth())
          .status,
      200);
  const std::string link(response_of(files_call("PUT", std::to_string(p.files[3]) + "/sharedlink",
                                                {{"share", "Read"}}, p.member.auth()),
                                     200)
                             .as_string());
  p.link = link.substr(link.find("&doc=") + 5);

  p.deleted_task = create_task_id(p.open_project, {{"title", "Doomed"}}, admin());
  EXPECT_EQ(
      call("POST", task_path(p.deleted_task, "/files"), {{"files", {p.files[0]}}}, admin()).status,
      201);
  EXPECT_EQ(call("DELETE", task_path(p.deleted_task), nullptr, admin()).status, 200);
  // A password reset asked for: rows in password_resets, password_reset_requests and a mail
  // delivery, which copy and backup must carry (issue 18).
  EXPECT_EQ(
      json_request(port(), "POST", "/api/2.0/people/password", {{"email", p.member.email}}, {})
          .status,
      201);
  return p;
}

// Every list and single-object GET of the portal.
std::vector<std::string> PortalAnswersSuite::paths(const Portal& p) {
  const std::string api = "/api/2.0/project/";
  std::vector<std::string> all = {
      "/api/2.0/people",
      "/api/2.0/people/@self",
      "/api/2.0/people/filter?filterValue=Person",
      "/api/2.0/people/@search/Member",
      "/api/2.0/people/status/terminated",
      "/api/2.0/group",
      "/api/2.0/group/" + p.group,
      "/api/2.0/webhooks",
      "/api/2.0/webhooks/" + std::to_string(p.webhook),
      "/api/2.0/webhooks/" + std::to_string(p.webhook) + "/deliveries",
      "/api/2.0/project/filter?departament=" + p.group,
      "/api/2.0/project/task/filter?departament=" + p.group,
      "/api/2.0/project",
      api + "@self",
      api + "@follow",
      api + "open",
      api + "filter",
      api + "filter?sortBy=title&sortOrder=descending",
      api + "filter?tag=moon",
      api + "securityinfo",
      api + "@search/a",
      api + "milestone",
      api + "milestone/filter",
      api + "milestone/late",
      api + "milestone/upcoming",
      api + "milestone/" + std::to_string(p.milestone),
      api + "milestone/" + std::to_string(p.milestone) + "/task",
      api + "task/@self",
      api + "task/@self/open",
      api + "task/filter",
      api + "time/filter",
      api + "time/filter/total",
      api + "time/filter?status=billed",
      api + std::to_string(p.open_project) + "/time",
      api + std::to_string(p.open_project) + "/time/total",
      api + std::to_string(p.private_project) + "/time/total",
      api + "task/" + std::to_string(p.tasks[0]) + "/time",
      api + "task/filter/simple",
      api + "status",
      api + "message",
      api + "message/" + std::to_string(p.message),
      api + "message/" + std::to_string(p.message) + "/comment",
      api + "message/" + std::to_string(p.message) + "/files",
      api + "message/" + std::to_string(p.message) + "/files/history",
      api + "comment/" + p.comment,
      api + "message/filter",
      api + "message/" + std::to_string(p.message) + "/subscribes",
      api + "tag",
      api + "tag/moon",
      api + "settings",
      api + "template",
      api + std::to_string(p.open_project) + "/order",
      api + std::to_string(p.open_project) + "/teamExcluded",
      "/api/2.0/files/settings",
      "/api/2.0/files/settings/autocleanup",
      "/api/2.0/files/@favorites",
      "/api/2.0/files/@templates",
      "/api/2.0/files/@search/o",
      "/api/2.0/files/@my",
      "/api/2.0/files/@common",
      "/api/2.0/files/" + std::to_string(p.subfolder),
      "/api/2.0/files/fileops",
      "/api/2.0/files/@root",
      "/api/2.0/files/@trash",
      "/api/2.0/files/@projects",
      "/api/2.0/files/@share",
      "/api/2.0/files/folder/" + std::to_string(p.subfolder) + "/share",
      "/api/2.0/files/file/" + std::to_string(p.files[3]) + "/share",
      "/api/2.0/files/folder/" + std::to_string(p.subfolder) + "/path",
      p.upload,
  };
  for (const char* sort : {"title", "deadline", "priority", "create_on", "start_date"}) {
    for (const char* order : {"ascending", "descending"})
      all.push_back(api + "task/filter?sortBy=" + sort + "&sortOrder=" + order);
  }
  for (const Person* person : {&p.member, &p.other, &p.guest})
    all.push_back("/api/2.0/people/" + person->id);
  for (std::int64_t project : {p.open_project, p.private_project}) {
    const std::string path = api + std::to_string(project);
    for (const char* rest :
         {"", "/team", "/milestone", "/milestone/open", "/task", "/task/open", "/task/closed",
          "/task/@self/open", "/message", "/files", "/@search/a"})
      all.push_back(path + rest);
    all.push_back("/api/2.0/files/" + std::to_string(project_folder(project)));
  }
  std::vector<std::int64_t> tasks = p.tasks;
  tasks.push_back(p.deleted_task);
  for (std::int64_t task : tasks) {
    for (const char* rest : {"", "/comment", "/files", "/files/history", "/subscribe"})
      all.push_back(api + task_path(task, rest));
    all.push_back(api + std::to_string(task) + "/entityfiles?entityType=task");
  }
  for (std::int64_t file : p.files) {
    all.push_back("/api/2.0/files/file/" + std::to_string(file));
    all.push_back("/api/2.0/files/file/" + std::to_string(file) + "/history");
    all.push_back("/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=" +
                  std::to_string(file));
  }
  return all;
}

Answers PortalAnswersSuite::ask_all(const std::vector<std::string>& paths, const Users& users) {
  Answers answers;
  HttpClient client(port());
  for (const auto& [who, auth] : users) {
    for (const std::string& path : paths) {
      const HttpResponse res = client.get(path, auth);
      answers[{who, path}] = Answer{res.status, res.body};
    }
  }
  return answers;
}

boost::json::value parsed_or_text(const std::string& body) {
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(body, error);
  return error ? boost::json::value(body) : value;
}

void expect_same_answers(const Answers& before, const Answers& after) {
  ASSERT_EQ(before.size(), after.size());
  for (const auto& [key, answer] : before) {
    const Answer& copy = after.at(key);
    EXPECT_EQ(copy.status, answer.status) << key.first << " GET " << key.second;
    EXPECT_EQ(parsed_or_text(copy.body), parsed_or_text(answer.body))
        << key.first << " GET " << key.second << "\nbefore: " << answer.body
        << "\nafter:  " << copy.body;
  }
}

PortalAnswersSuite::WriteLoad::WriteLoad(std::int64_t project) {
  const std::string folder = std::to_string(project_folder(project));
  thread_ = std::thread([this, project, folder] {
    HttpClient client(port());
    for (int i = 0; !stop_; ++i) {
      const std::string n = std::to_string(i);
      const auto task = client.post_json("/api/2.0/project/" + std::to_string(project) + "/task",
                                         {{"title", "Load " + n}}, admin());
      const auto file =
          upload(folder, {Part{"file", "load-" + n + ".txt", "load content " + n}}, admin());
      if (task.status == 201 && file.status == 201)
        ++written_;
      else
        ++failed_;
    }
  });
}

void PortalAnswersSuite::WriteLoad::stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

}  // namespace projectd::test
