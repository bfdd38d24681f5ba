#include "files_test_support.h"

namespace projectd::test {

std::pair<std::string, std::string> multipart_body(const std::vector<Part>& parts) {
  const std::string boundary = "----projectd-test-boundary-7MA4YWxkTrZu0gW";
  std::string body;
  for (const Part& part : parts) {
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"" + part.name + "\"";
    if (!part.filename.empty()) body += "; filename=\"" + part.filename + "\"";
    body += "\r\n";
    if (!part.filename.empty()) body += "Content-Type: " + part.content_type + "\r\n";
    body += "\r\n" + part.content + "\r\n";
  }
  body += "--" + boundary + "--\r\n";
  return {body, "multipart/form-data; boundary=" + boundary};
}

HttpResponse FilesSuite::files_call(const std::string& method, const std::string& path,
                                    const boost::json::value& body, const Headers& auth) {
  HttpClient client(port());
  Headers headers = auth;
  std::string text;
  if (!body.is_null()) {
    headers.emplace_back("Content-Type", "application/json");
    text = boost::json::serialize(body);
  }
  return client.request(method, "/api/2.0/files/" + path, text, headers);
}

boost::json::object FilesSuite::create_text(const std::string& folder, const std::string& title,
                                            const std::string& content, const Headers& auth) {
  const auto res = files_call("POST", folder + "/text", {{"title", title}, {"content", content}},
                              auth);
  EXPECT_EQ(res.status, 201) << res.body;
  if (res.status != 201) return {};
  return res.json().at("response").as_object();
}

std::int64_t FilesSuite::create_text_id(const std::string& folder, const std::string& title,
                                        const std::string& content, const Headers& auth) {
  const auto file = create_text(folder, title, content, auth);
  return file.contains("id") ? file.at("id").as_int64() : 0;
}

HttpResponse FilesSuite::upload(const std::string& folder, const std::vector<Part>& parts,
                                const Headers& auth, const std::string& query) {
  auto [body, type] = multipart_body(parts);
  Headers headers = auth;
  headers.emplace_back("Content-Type", type);
  return HttpClient(port()).request("POST", "/api/2.0/files/" + folder + "/upload" + query, body,
                                    headers);
}

std::int64_t FilesSuite::project_folder(std::int64_t project) {
  const auto response = get_ok(project_path(project), admin());
  return response.at("projectFolder").as_int64();
}

std::vector<std::int64_t> FilesSuite::attached(std::int64_t task, const Headers& auth) {
  const auto res = call("GET", task_path(task, "/files"), nullptr, auth);
  EXPECT_EQ(res.status, 200) << res.body;
  if (res.status != 200) return {};
  return ids_of(res.json().at("response"));
}

}  // namespace projectd::test
