// What each route of the matrix sends: its path and query parameters filled by name from the
// fixture, the body table, and the flags that promise each change (authorization_matrix_support.h).
#include "authorization_matrix_support.h"

#include "files_test_support.h"

#include <boost/json.hpp>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <tuple>

namespace projectd::test::matrix {

namespace {

// Path and query parameters by name. `id` is the project's except under project/status/.
const std::map<std::string, std::string> kParamValues = {{"projectid", "$project"},
                                                         {"taskid", "$task"},
                                                         {"parentid", "$task"},
                                                         {"entityid", "$task"},
                                                         {"subtaskid", "$subtask"},
                                                         {"milestoneid", "$milestone"},
                                                         {"messageid", "$message"},
                                                         {"commentid", "$comment"},
                                                         {"fileid", "$file"},
                                                         {"folderid", "$folder"},
                                                         {"destFolderId", "$folder"},
                                                         {"userid", "$target"},
                                                         {"status", "open"},
                                                         {"query", "$search"},
                                                         {"entityType", "task"},
                                                         {"action", "download"},
                                                         {"statusid", "$status"},
                                                         {"timeid", "$time"},
                                                         {"groupid", "$group"},
                                                         {"newgroupid", "$group"},
                                                         {"webhookid", "$webhook"},
                                                         {"deliveryid", "$delivery"},
                                                         {"employeestatus", "active"},
                                                         {"employeetype", "user"},
                                                         {"email", "$member_email"},
                                                         {"photosize", "small"},
                                                         {"templateid", "$template"},
                                                         {"tagname", "matrix-tag"},
                                                         {"year", "2030"},
                                                         {"month", "1"},
                                                         {"day", "1"},
                                                         {"uid", "$upload_session"}};

// Where a name means something else on a route: `status` of the time filter is a payment status;
// sharing names @common entries (project documents cannot be shared: even the admin gets 403).
const std::map<std::pair<std::string, std::string>, std::string> kRouteParamValues = {
    // No bundle of the web app has this name: every role gets the same 404 (the rules).
    {{"GET assets/{asset}", "asset"}, "app.0000000000000000.js"},
    {{"HEAD assets/{asset}", "asset"}, "app.0000000000000000.js"},
    {{"GET api/2.0/project/time/filter", "status"}, "notBilled"},
    {{"GET api/2.0/project/time/filter/total", "status"}, "notBilled"},
    {{"GET api/2.0/files/file/{fileid}/share", "fileid"}, "$common_file"},
    {{"PUT api/2.0/files/file/{fileid}/share", "fileid"}, "$common_file"},
    {{"GET api/2.0/files/folder/{folderid}/share", "folderid"}, "$common_folder"},
    {{"PUT api/2.0/files/folder/{folderid}/share", "folderid"}, "$common_folder"},
    {{"PUT api/2.0/files/{fileid}/sharedlink", "fileid"}, "$common_file"}};

enum class Kind { kJson, kMultipart, kRaw };
// kSpoils: a 2xx changes the fixture so that the same call by the next role would fail for that
// reason alone (the route deletes, or adds what may exist once).
// kBatch: the route acts on the ids of its body, answers 200 and lists each refused id in `failed`
// (docs/wire-compatibility.md, "Batches report what they refused"); the matrix judges the one id it
// sends by its entry there.
enum Flag : unsigned { kNoFlag = 0, kSpoils = 1, kRevokesToken = 2, kBatch = 4 };

// A minimal valid body for each write route, so that the permission decides the answer, not
// validation. A route not listed sends no body; a required member it lacks fails the matrix.
struct BodySpec {
  const char* route;
  const char* body;
  Kind kind = Kind::kJson;
  const char* query = "";
  unsigned flags = kNoFlag;
};
const BodySpec kBodies[] = {
    {"POST api/2.0/authentication", R"({"userName":"$member_email","password":"$password"})"},
    {"POST api/2.0/authentication/logout", "", Kind::kJson, "", kRevokesToken},
    {"POST api/2.0/people", R"({"email":"new$unique@example.com","firstName":"N","lastName":"P"})"},
    {"PUT api/2.0/people/{userid}", R"({"title":"Renamed"})"},
    {"PUT api/2.0/people/{userid}/password", R"({"password":"another-password-1"})"},
    {"PUT api/2.0/people/status/{employeestatus}", R"({"userIds":["$target"]})"},
    {"PUT api/2.0/people/type/{employeetype}", R"({"userIds":["$target"]})"},
    {"POST api/2.0/people/password", R"({"email":"$member_email"})"},
    {"POST api/2.0/people/password/reset", R"({"token":"0000","password":"another-password-1"})"},
    {"POST api/2.0/group", R"({"groupName":"Group $unique"})"},
    {"PUT api/2.0/group/{groupid}", R"({"groupName":"Renamed group"})"},
    {"PUT api/2.0/group/{groupid}/members", R"({"members":["$member"]})"},
    {"POST api/2.0/group/{groupid}/members", R"({"members":["$member"]})"},
    {"DELETE api/2.0/group/{groupid}/members", R"({"members":["$member"]})"},
    {"PUT api/2.0/group/{groupid}/manager", R"({"userid":"$member"})"},
    {"POST api/2.0/webhooks", R"({"url":"http://127.0.0.1:9/matrix","events":["task.*"]})"},
    {"PUT api/2.0/webhooks/{webhookid}", R"({"events":["project.*"]})"},
    {"POST api/2.0/project", R"({"title":"New project"})"},
    {"DELETE api/2.0/project", R"({"projectids":[$project]})", Kind::kJson, "", kBatch},
    {"PUT api/2.0/project/{projectid}", R"({"title":"Renamed project"})"},
    {"PUT api/2.0/project/{projectid}/status", R"({"status":"closed"})"},
    {"PUT api/2.0/project/{projectid}/tag", R"({"tags":"alpha,beta"})"},
    {"POST api/2.0/project/withSecurity", R"({"title":"New project"})"},
    {"POST api/2.0/project/team", R"({"ids":[$project]})"},
    {"PUT api/2.0/project/{projectid}/withSecurityInfo", R"({"title":"Renamed project"})"},
    {"PUT api/2.0/project/{projectid}/tags", R"({"tags":[]})"},
    {"POST api/2.0/project/tag", R"({"data":"Matrix tag"})"},
    {"PUT api/2.0/project/settings", R"({"startModule":"tasks"})"},
    {"POST api/2.0/project/template", R"({"title":"New template"})"},
    {"PUT api/2.0/project/template/{templateid}", R"({"title":"Renamed template"})"},
    {"PUT api/2.0/project/{projectid}/order", R"({"order":"{}"})"},
    {"PUT api/2.0/project/message/{messageid}/status", R"({"status":"archived"})"},
    {"DELETE api/2.0/project/message/{messageid}/filesmany", R"({"files":[$file]})"},
    {"POST api/2.0/project/{projectid}/team", R"({"userId":"$target"})"},
    {"PUT api/2.0/project/{projectid}/team", R"({"participants":["$member","$restricted"]})"},
    {"DELETE api/2.0/project/{projectid}/team", R"({"userId":"$member"})"},
    {"PUT api/2.0/project/{projectid}/team/security",
     R"({"userId":"$restricted","security":"tasks"})"},
    {"POST api/2.0/project/{projectid}/milestone",
     R"({"title":"New milestone","deadline":"2030-01-01","responsible":"$manager"})"},
    {"DELETE api/2.0/project/milestone", R"({"ids":[$milestone]})", Kind::kJson, "", kBatch},
    {"PUT api/2.0/project/milestone/{milestoneid}", R"({"title":"Renamed milestone"})"},
    {"PUT api/2.0/project/milestone/{milestoneid}/status", R"({"status":"closed"})"},
    {"POST api/2.0/project/{projectid}/task", R"({"title":"New task"})"},
    {"PUT api/2.0/project/task/{taskid}", R"({"title":"Renamed task"})"},
    {"POST api/2.0/project/task/{taskid}", R"({"title":"New subtask"})"},
    {"DELETE api/2.0/project/task", R"({"taskids":[$task]})", Kind::kJson, "", kBatch},
    {"PUT api/2.0/project/task/{taskid}/status", R"({"status":"closed"})"},
    {"PUT api/2.0/project/task/status", R"({"taskids":[$task],"status":"closed"})", Kind::kJson, "",
     kBatch},
    {"PUT api/2.0/project/task/{taskid}/milestone", R"({"milestoneid":$milestone})"},
    {"PUT api/2.0/project/task/milestone", R"({"taskids":[$task],"milestoneid":$milestone})",
     Kind::kJson, "", kBatch},
    {"POST api/2.0/project/task/{taskid}/copy", R"({"title":"Copied task"})"},
    {"PUT api/2.0/project/task/{taskid}/{subtaskid}", R"({"title":"Renamed subtask"})"},
    {"PUT api/2.0/project/task/{taskid}/{subtaskid}/status", R"({"status":"closed"})"},
    {"POST api/2.0/project/task/{parentid}/link", R"({"dependenceTaskId":$task3})", Kind::kJson, "",
     kSpoils},
    {"DELETE api/2.0/project/task/{taskid}/link",
     R"({"parentTaskId":$task,"dependenceTaskId":$task2})"},
    {"POST api/2.0/project/status", R"({"title":"New status","statusType":"open"})"},
    {"PUT api/2.0/project/status", R"({"id":$status,"title":"Renamed status"})"},
    {"PUT api/2.0/project/statuses", R"({"statuses":[{"id":$status,"title":"Renamed"}]})"},
    {"POST api/2.0/project/{projectid}/message", R"({"title":"New discussion","content":"Hi"})"},
    {"PUT api/2.0/project/message/{messageid}", R"({"title":"Renamed discussion"})"},
    {"POST api/2.0/project/task/{taskid}/comment", R"({"content":"New comment"})"},
    {"POST api/2.0/project/message/{messageid}/comment", R"({"content":"New comment"})"},
    {"PUT api/2.0/project/comment/{commentid}", R"({"content":"Edited comment"})"},
    {"POST api/2.0/project/comment", R"({"type":"task","entityid":$task,"content":"New comment"})"},
    {"POST api/2.0/project/comment/preview", R"({"htmltext":"<p>Preview</p>"})"},
    {"POST api/2.0/project/message/discussion/preview", R"({"htmltext":"<p>Preview</p>"})"},
    {"POST api/2.0/project/task/{taskid}/files", R"({"files":[$file2]})"},
    {"DELETE api/2.0/project/task/{taskid}/files", R"({"fileid":$file})"},
    {"DELETE api/2.0/project/task/{taskid}/filesmany", R"({"files":[$file]})"},
    {"POST api/2.0/project/message/{messageid}/files", R"({"files":[$file2]})"},
    {"DELETE api/2.0/project/message/{messageid}/files", R"({"fileid":$file})"},
    {"POST api/2.0/project/{entityid}/entityfiles", R"({"files":[$file2]})"},
    {"DELETE api/2.0/project/{entityid}/entityfiles", R"({"fileid":$file})"},
    {"DELETE api/2.0/project/{entityid}/entityfilesmany", R"({"files":[$file]})"},
    {"POST api/2.0/project/{entityid}/entityfiles/upload", "userfile", Kind::kMultipart},
    {"POST api/2.0/files/folder/{folderid}", R"({"title":"New folder"})"},
    {"PUT api/2.0/files/folder/{folderid}", R"({"title":"Renamed folder"})"},
    {"POST api/2.0/files/{folderid}/upload", "file", Kind::kMultipart},
    {"POST api/2.0/files/{folderid}/insert", "inserted", Kind::kRaw, "title=inserted.txt"},
    {"POST api/2.0/files/{folderid}/upload/create_session",
     R"({"fileName":"chunked.bin","fileSize":1000})"},
    {"POST products/files/ChunkedUploader.ashx", "a chunk", Kind::kRaw},
    {"POST api/2.0/files/{folderid}/text", R"({"title":"New text","content":"Some text"})"},
    {"POST api/2.0/files/{folderid}/html", R"({"title":"New page","content":"<p>Text</p>"})"},
    {"POST api/2.0/files/{folderid}/file", R"({"title":"New document.docx"})"},
    {"PUT api/2.0/files/file/{fileid}", R"({"title":"Renamed file"})"},
    {"PUT api/2.0/files/file/{fileid}/history", R"({"version":0,"continueVersion":false})"},
    {"PUT api/2.0/files/fileops/delete", R"({"fileIds":[$file]})", Kind::kJson, "",
     kSpoils | kBatch},
    {"PUT api/2.0/files/fileops/move", R"({"fileIds":[$file]})"},
    {"PUT api/2.0/files/fileops/copy", R"({"fileIds":[$file]})"},
    {"PUT api/2.0/files/fileops/markasread", R"({"fileIds":[$file]})"},
    // Empties the caller's own trash only: nothing of the fixture is in anyone's trash.
    {"PUT api/2.0/files/fileops/emptytrash", "{}"},
    {"PUT api/2.0/files/fileops/bulkdownload", R"({"fileIds":[$file]})"},
    {"PUT api/2.0/files/updateifexist", R"({"set":true})"},
    {"PUT api/2.0/files/storeoriginal", R"({"set":false})"},
    {"PUT api/2.0/files/hideconfirmconvert", R"({"save":true})"},
    {"PUT api/2.0/files/displayRecent", R"({"set":true})"},
    {"PUT api/2.0/files/settings/favorites", R"({"set":true})"},
    {"PUT api/2.0/files/settings/templates", R"({"set":true})"},
    {"PUT api/2.0/files/settings/autocleanup", R"({"set":true,"gap":"OneWeek"})"},
    {"PUT api/2.0/people/@self/notifications", R"({"kinds":{"comments":false}})"},
    {"POST api/2.0/files/favorites", R"({"fileIds":[$file]})", Kind::kJson, "", kBatch},
    {"DELETE api/2.0/files/favorites", R"({"fileIds":[$file]})", Kind::kJson, "", kBatch},
    {"POST api/2.0/files/templates", R"({"fileIds":[$file]})", Kind::kJson, "", kBatch},
    {"DELETE api/2.0/files/templates", R"({"fileIds":[$file]})", Kind::kJson, "", kBatch},
    {"PUT api/2.0/files/{fileid}/properties", R"({"formFilling":{}})"},
    {"PUT api/2.0/files/file/{fileid}/share",
     R"({"share":[{"shareTo":"$member","access":"Read"}]})"},
    {"PUT api/2.0/files/folder/{folderid}/share",
     R"({"share":[{"shareTo":"$member","access":"ReadWrite"}],"notify":false})"},
    {"DELETE api/2.0/files/share", R"({"fileIds":[$common_file],"folderIds":[$common_folder]})"},
    {"PUT api/2.0/files/{fileid}/sharedlink", R"({"share":"Read"})"},
    {"POST api/2.0/project/task/{taskid}/time",
     R"({"date":"2030-01-01","personId":"$member","hours":1.5})"},
    {"PUT api/2.0/project/time/{timeid}", R"({"note":"Edited time"})"},
    {"PUT api/2.0/project/time/times/status", R"({"timeids":[$time],"status":"billed"})",
     Kind::kJson, "", kBatch},
    {"DELETE api/2.0/project/time/times/remove", R"({"timeids":[$time]})", Kind::kJson, "",
     kSpoils | kBatch},
};

const BodySpec* body_of(const RouteSpec& route) {
  const std::string key = route.key();
  for (const BodySpec& spec : kBodies) {
    if (key == spec.route) return &spec;
  }
  return nullptr;
}

std::optional<std::string> param_value(const std::string& name) {
  const auto it = kParamValues.find(name);
  if (it == kParamValues.end()) return std::nullopt;
  return it->second;
}

// The value of a path or query parameter on this route: its own (kRouteParamValues), else the
// name's.
std::optional<std::string> route_param_value(const RouteSpec& route, const std::string& name) {
  const auto special = kRouteParamValues.find({route.key(), name});
  if (special != kRouteParamValues.end()) return special->second;
  return param_value(name);
}

bool placeholder_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Calls `each` with every `$name` of `text`.
template <typename F>
void for_each_placeholder(const std::string& text, F each) {
  for (std::size_t i = text.find('$'); i != std::string::npos; i = text.find('$', i + 1)) {
    std::size_t end = i + 1;
    while (end < text.size() && placeholder_char(text[end]))
      ++end;
    each(i, end, text.substr(i + 1, end - i - 1));
  }
}

std::atomic<long> unique_counter{0};

// The templates of the route's path parameters and of its (`required_only`: required) query
// parameters, for the placeholders they name.
std::string param_text(const RouteSpec& route, bool required_only) {
  std::string text;
  for (const std::string& name : route.path_params)
    text += route_param_value(route, name).value_or("") + " ";
  for (const auto& [name, required] : route.query_params) {
    if (required || !required_only) text += route_param_value(route, name).value_or("") + " ";
  }
  return text;
}

std::set<std::string> placeholders_in(const std::string& text) {
  std::set<std::string> names;
  for_each_placeholder(text, [&](std::size_t, std::size_t, const std::string& name) {
    if (name != "unique") names.insert(name);
  });
  return names;
}

std::string matrix_lowercase(std::string text) {
  for (char& c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

bool is_batch(const RouteSpec& route) {
  const BodySpec* body = body_of(route);
  return body && (body->flags & kBatch);
}

std::vector<RouteSpec> routes_of(const boost::json::value& openapi) {
  std::vector<RouteSpec> routes;
  for (const auto& [path, operations] : openapi.at("paths").as_object()) {
    for (const auto& [method, op] : operations.as_object()) {
      RouteSpec route;
      for (char c : std::string(method))
        route.method += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      route.path = std::string(path).substr(1);
      route.requires_auth = !op.as_object().contains("security");
      if (const auto* tags = op.as_object().if_contains("tags"); tags && !tags->as_array().empty())
        route.tag = tags->as_array().front().as_string();
      // The path's own braces, whether the parameters document them or not.
      for (std::size_t open = route.path.find('{'); open != std::string::npos;
           open = route.path.find('{', open + 1))
        route.path_params.push_back(
            route.path.substr(open + 1, route.path.find('}', open) - open - 1));
      if (const auto* params = op.as_object().if_contains("parameters")) {
        for (const auto& p : params->as_array()) {
          if (p.at("in") == "query")
            route.query_params.emplace_back(p.at("name").as_string(), p.at("required") == true);
        }
      }
      boost::system::error_code ec;
      if (const auto* required =
              op.find_pointer("/requestBody/content/application~1json/schema/required", ec)) {
        for (const auto& name : required->as_array())
          route.body_required.emplace_back(name.as_string());
      }
      if (const auto* members =
              op.find_pointer("/requestBody/content/application~1json/schema/properties", ec)) {
        for (const auto& member : members->as_object())
          route.body_params.emplace_back(member.key());
      }
      routes.push_back(std::move(route));
    }
  }
  return routes;
}

std::string expand(const std::string& text, const Values& values) {
  std::string out;
  std::size_t copied = 0;
  for_each_placeholder(text, [&](std::size_t begin, std::size_t end, const std::string& name) {
    out += text.substr(copied, begin - copied);
    if (name == "unique") {
      out += std::to_string(++unique_counter);
    } else if (const auto it = values.find(name); it != values.end()) {
      out += it->second;
    } else {
      out += text.substr(begin, end - begin);
    }
    copied = end;
  });
  return out + text.substr(copied);
}

std::set<std::string> placeholders_of(const RouteSpec& route) {
  std::string text = param_text(route, false);
  if (const BodySpec* body = body_of(route)) text += std::string(body->body) + " ";
  if (const auto flag = flag_check_of(route)) text += flag->read_path;
  return placeholders_in(text);
}

std::set<std::string> named_placeholders(const RouteSpec& route) {
  std::string text = param_text(route, true);
  if (is_batch(route)) text += body_of(route)->body;
  return placeholders_in(text);
}

std::vector<std::string> unfilled(const RouteSpec& route, const std::set<std::string>& known) {
  std::vector<std::string> missing;
  for (const std::string& name : route.path_params) {
    if (!route_param_value(route, name)) missing.push_back("path parameter " + name);
  }
  for (const auto& [name, required] : route.query_params) {
    if (required && !route_param_value(route, name)) missing.push_back("query parameter " + name);
  }
  const BodySpec* body = body_of(route);
  for (const std::string& name : route.body_required) {
    const bool sent =
        body && (body->kind == Kind::kMultipart
                     ? name == body->body
                     : std::string(body->body).find('"' + name + '"') != std::string::npos);
    if (!sent) missing.push_back("required body member " + name);
  }
  for (const std::string& name : placeholders_of(route)) {
    if (!known.count(name)) missing.push_back("fixture value $" + name);
  }
  return missing;
}

MatrixRequest request_of(const RouteSpec& route, const Values& values) {
  MatrixRequest request;
  request.method = route.method;
  std::string path = route.path;
  for (const std::string& name : route.path_params) {
    const std::string token = "{" + name + "}";
    path.replace(path.find(token), token.size(), expand(*route_param_value(route, name), values));
  }
  std::string query;
  for (const auto& [name, required] : route.query_params) {
    const auto value = route_param_value(route, name);
    if (value) query += (query.empty() ? "?" : "&") + name + "=" + expand(*value, values);
  }
  const BodySpec* body = body_of(route);
  if (body && *body->query) query += (query.empty() ? "?" : "&") + std::string(body->query);
  request.target = "/" + path + query;
  if (!body || !*body->body) return request;
  if (body->kind == Kind::kJson) {
    request.body = expand(body->body, values);
    request.content_type = "application/json";
  } else if (body->kind == Kind::kMultipart) {
    std::tie(request.body, request.content_type) =
        multipart_body({{body->body, "upload.txt", "uploaded text", "text/plain"}});
  } else {
    request.body = body->body;
    request.content_type = "application/octet-stream";
  }
  return request;
}

std::set<std::string> parameter_names(const std::vector<RouteSpec>& routes) {
  std::set<std::string> names;
  for (const RouteSpec& route : routes) {
    names.insert(route.path_params.begin(), route.path_params.end());
    for (const auto& [name, required] : route.query_params)
      names.insert(name);
    names.insert(route.body_params.begin(), route.body_params.end());
  }
  return names;
}

MatrixRequest with_untaken_params(MatrixRequest request, const RouteSpec& route,
                                  const std::set<std::string>& names) {
  std::set<std::string> taken;
  auto take = [&](const std::string& name) { taken.insert(matrix_lowercase(name)); };
  std::for_each(route.path_params.begin(), route.path_params.end(), take);
  for (const auto& [name, required] : route.query_params)
    take(name);
  std::for_each(route.body_params.begin(), route.body_params.end(), take);
  std::for_each(route.body_required.begin(), route.body_required.end(), take);
  boost::json::object body;
  const bool json_body = request.content_type == "application/json";
  if (json_body) {
    body = boost::json::parse(request.body).as_object();
    for (const auto& member : body)
      take(member.key());
  }
  const boost::json::value kinds[] = {
      "x!", 0, -1.5, true, nullptr, boost::json::array{1}, boost::json::object{{"id", 1}}};
  std::size_t kind = 0;
  for (const std::string& name : names) {
    if (taken.count(matrix_lowercase(name))) continue;
    request.target += (request.target.find('?') == std::string::npos ? "?" : "&") + name + "=x!";
    if (json_body) body[name] = kinds[kind++ % std::size(kinds)];
  }
  if (json_body) request.body = boost::json::serialize(body);
  return request;
}

bool spoils(const RouteSpec& route) {
  const BodySpec* body = body_of(route);
  return route.method == "DELETE" || (body && (body->flags & kSpoils));
}

bool revokes_token(const RouteSpec& route) {
  const BodySpec* body = body_of(route);
  return body && (body->flags & kRevokesToken);
}

std::optional<FlagCheck> flag_check_of(const RouteSpec& route) {
  static const std::string project = "api/2.0/project/$project";
  static const std::string task = "api/2.0/project/task/$task";
  static const std::string milestone = "api/2.0/project/milestone/$milestone";
  static const std::string message = "api/2.0/project/message/$message";
  static const std::string folder = "api/2.0/files/$folder";
  // Which flag promises which route: the rule of security.h behind both must be the same.
  static const std::map<std::string, FlagCheck> kFlags = {
      {"PUT api/2.0/project/{projectid}", {project, "/canEdit", true}},
      {"PUT api/2.0/project/{projectid}/status", {project, "/canEdit", true}},
      {"PUT api/2.0/project/{projectid}/tag", {project, "/canEdit", true}},
      {"PUT api/2.0/project/{projectid}/withSecurityInfo", {project, "/canEdit", true}},
      {"PUT api/2.0/project/{projectid}/tags", {project, "/canEdit", true}},
      {"PUT api/2.0/project/message/{messageid}/status", {message, "/canEdit", true}},
      {"DELETE api/2.0/project/message/{messageid}/filesmany", {message, "/canEditFiles", true}},
      {"DELETE api/2.0/project/{projectid}", {project, "/canDelete", true}},
      {"POST api/2.0/project/{projectid}/team", {project, "/security/canEditTeam", true}},
      {"PUT api/2.0/project/{projectid}/team", {project, "/security/canEditTeam", true}},
      {"DELETE api/2.0/project/{projectid}/team", {project, "/security/canEditTeam", true}},
      {"PUT api/2.0/project/{projectid}/team/security", {project, "/security/canEditTeam", true}},
      {"POST api/2.0/project/{projectid}/task", {project, "/security/canCreateTask", true}},
      {"POST api/2.0/project/{projectid}/milestone",
       {project, "/security/canCreateMilestone", true}},
      {"POST api/2.0/project/{projectid}/message", {project, "/security/canCreateMessage", true}},
      {"PUT api/2.0/project/task/{taskid}", {task, "/canEdit", true}},
      {"PUT api/2.0/project/task/{taskid}/status", {task, "/canEdit", true}},
      {"PUT api/2.0/project/task/{taskid}/milestone", {task, "/canEdit", true}},
      {"DELETE api/2.0/project/task/{taskid}", {task, "/canDelete", true}},
      {"POST api/2.0/project/task/{taskid}", {task, "/canCreateSubtask", true}},
      {"POST api/2.0/project/task/{taskid}/files", {task, "/canEditFiles", true}},
      {"DELETE api/2.0/project/task/{taskid}/files", {task, "/canEditFiles", true}},
      {"DELETE api/2.0/project/task/{taskid}/filesmany", {task, "/canEditFiles", true}},
      {"POST api/2.0/project/task/{taskid}/comment", {task, "/canCreateComment", true}},
      {"POST api/2.0/project/task/{taskid}/time", {task, "/canCreateTimeSpend", true}},
      {"PUT api/2.0/project/time/{timeid}", {task + "/time", "/0/canEdit", true}},
      {"POST api/2.0/project/comment", {task, "/canCreateComment", true}},
      {"PUT api/2.0/project/task/{taskid}/{subtaskid}", {task, "/subtasks/0/canEdit", true}},
      {"PUT api/2.0/project/task/{taskid}/{subtaskid}/status", {task, "/subtasks/0/canEdit", true}},
      {"PUT api/2.0/project/milestone/{milestoneid}", {milestone, "/canEdit", true}},
      {"PUT api/2.0/project/milestone/{milestoneid}/status", {milestone, "/canEdit", true}},
      {"DELETE api/2.0/project/milestone/{milestoneid}", {milestone, "/canDelete", true}},
      {"PUT api/2.0/project/message/{messageid}", {message, "/canEdit", true}},
      {"POST api/2.0/project/message/{messageid}/comment", {message, "/canCreateComment", true}},
      {"POST api/2.0/project/message/{messageid}/files", {message, "/canEditFiles", true}},
      {"DELETE api/2.0/project/message/{messageid}/files", {message, "/canEditFiles", true}},
      {"PUT api/2.0/project/comment/{commentid}",
       {"api/2.0/project/comment/$comment", "/canEdit", true}},
      {"PUT api/2.0/files/file/{fileid}", {"api/2.0/files/file/$file", "/access", 0}},
      {"PUT api/2.0/files/file/{fileid}/history", {"api/2.0/files/file/$file", "/access", 0}},
      {"DELETE api/2.0/files/file/{fileid}", {"api/2.0/files/file/$file", "/access", 0}},
      {"POST api/2.0/files/folder/{folderid}", {folder, "/current/access", 0}},
      {"PUT api/2.0/files/folder/{folderid}", {folder, "/current/access", 0}},
      {"DELETE api/2.0/files/folder/{folderid}", {folder, "/current/access", 0}},
      {"POST api/2.0/files/{folderid}/text", {folder, "/current/access", 0}},
      {"PUT api/2.0/files/fileops/move", {folder, "/current/access", 0}},
      {"PUT api/2.0/files/fileops/copy", {folder, "/current/access", 0}},
  };
  const auto it = kFlags.find(route.key());
  if (it == kFlags.end()) return std::nullopt;
  return it->second;
}

}  // namespace projectd::test::matrix
