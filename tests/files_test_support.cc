#include "files_test_support.h"

#include <openssl/evp.h>

#include <thread>

namespace projectd::test {

namespace {

// Regular files under `dir` (recursively) whose path does (inside) or does not start with `tmp`.
std::size_t count_files(const std::filesystem::path& dir, const std::filesystem::path& tmp,
                        bool inside) {
  // A spooled upload may vanish while we look: every step takes an error code, none throws.
  std::error_code ec;
  std::size_t count = 0;
  const std::string prefix = tmp.string() + "/";
  for (std::filesystem::recursive_directory_iterator it(dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    std::error_code status;
    if (!it->is_regular_file(status)) continue;
    if ((it->path().string().rfind(prefix, 0) == 0) == inside) ++count;
  }
  return count;
}

}  // namespace

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

std::string files_path(const std::string& rest) {
  return "/api/2.0/files/" + rest;
}

HttpResponse files_request(unsigned short port, const std::string& method, const std::string& path,
                           const std::string& body, const Headers& headers) {
  return HttpClient(port).request(method, files_path(path), body, headers);
}

Headers raw_upload_headers(const Headers& auth, const std::string& title,
                           const std::string& content_type) {
  Headers headers = auth;
  headers.emplace_back("Content-Type", content_type);
  headers.emplace_back("Content-Disposition", "attachment; filename=\"" + title + "\"");
  return headers;
}

HttpResponse fetch_file(unsigned short port, std::int64_t file, const Headers& headers,
                        const std::string& query) {
  return HttpClient(port).get(
      "/Products/Files/HttpHandlers/filehandler.ashx?action=download&fileid=" +
          std::to_string(file) + query,
      headers);
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xf];
  }
  return hex;
}

std::filesystem::path content_path(const std::string& data_dir, const std::string& sha256) {
  return std::filesystem::path(data_dir) / "blobs" / sha256.substr(0, 2) / sha256;
}

std::size_t stored_contents(const std::string& data_dir) {
  const auto blobs = std::filesystem::path(data_dir) / "blobs";
  return count_files(blobs, blobs / "tmp", false);
}

std::size_t spooled_files(const std::string& data_dir) {
  const auto blobs = std::filesystem::path(data_dir) / "blobs";
  return count_files(blobs, blobs / "tmp", true);
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= deadline) return condition();
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

double response_cache_hits(unsigned short port, const Headers& admin) {
  const auto res = HttpClient(port).get("/metrics", admin);
  EXPECT_EQ(res.status, 200) << res.body;
  const std::string name = "\nprojectd_response_cache_hits_total ";
  const auto at = res.body.find(name);
  if (res.status != 200 || at == std::string::npos) return -1;
  return std::stod(res.body.substr(at + name.size()));
}

std::int64_t FilesSuite::new_folder(const std::string& parent, const std::string& title,
                                    const Headers& auth) {
  const auto folder =
      response_of(files_call("POST", "folder/" + parent, {{"title", title}}, auth), 201);
  return folder.is_object() ? folder.at("id").as_int64() : 0;
}

HttpResponse FilesSuite::files_call(const std::string& method, const std::string& path,
                                    const boost::json::value& body, const Headers& auth) {
  return json_request(port(), method, files_path(path), body, auth);
}

boost::json::object FilesSuite::create_text(const std::string& folder, const std::string& title,
                                            const std::string& content, const Headers& auth) {
  const auto res =
      files_call("POST", folder + "/text", {{"title", title}, {"content", content}}, auth);
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
  return post_raw(folder + "/upload" + query, body, headers);
}

std::int64_t FilesSuite::upload_id(const std::string& folder, const std::string& title,
                                   const std::string& bytes, const Headers& auth) {
  const auto file = response_of(upload(folder, {{"file", title, bytes}}, auth), 201);
  return file.is_object() ? file.at("id").as_int64() : 0;
}

HttpResponse FilesSuite::post_raw(const std::string& path, const std::string& bytes,
                                  const Headers& headers) {
  return files_request(port(), "POST", path, bytes, headers);
}

boost::json::value FilesSuite::folder_content(const std::string& folder, const Headers& auth,
                                              const std::string& query) {
  return get_ok(files_path(folder + query), auth);
}

std::int64_t FilesSuite::my_folder(const Headers& auth) {
  const auto content = folder_content("@my", auth);
  return content.is_object() ? content.at("current").at("id").as_int64() : 0;
}

int FilesSuite::file_status(std::int64_t file, const Headers& auth) {
  return files_call("GET", "file/" + std::to_string(file), nullptr, auth).status;
}

boost::json::value FilesSuite::file_info(std::int64_t file, const Headers& auth,
                                         const std::string& query) {
  return get_ok(files_path("file/" + std::to_string(file) + query), auth);
}

std::string FilesSuite::downloaded(std::int64_t file, const Headers& headers,
                                   const std::string& query) {
  const auto res = download(file, headers, query);
  EXPECT_EQ(res.status, 200) << "file " << file << query << ": " << res.body;
  return res.body;
}

HttpResponse FilesSuite::download(std::int64_t file, const Headers& headers,
                                  const std::string& query) {
  return fetch_file(port(), file, headers, query);
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

OwnServer::OwnServer(std::vector<std::string> flags)
    : server_(std::move(flags)),
      admin_(HttpClient::auth(sign_in(server_.port(), kAdminEmail, kAdminPassword))) {}

OwnServer::~OwnServer() {
  EXPECT_EQ(server_.stop(), 0) << server_.output();
  EXPECT_EQ(server_.output().find("Sanitizer"), std::string::npos) << server_.output();
}

HttpResponse OwnServer::upload(const std::string& title, const std::string& bytes) const {
  return files_request(port(), "POST", "@my/upload", bytes, raw_upload_headers(admin_, title));
}

std::int64_t OwnServer::upload_id(const std::string& title, const std::string& bytes) const {
  const auto file = response_of(upload(title, bytes), 201);
  return file.is_object() ? file.at("id").as_int64() : 0;
}

HttpResponse OwnServer::remove(std::int64_t file) const {
  return files_request(port(), "DELETE", "file/" + std::to_string(file) + "?immediately=true", "",
                       admin_);
}

std::int64_t OwnServer::my_total() const {
  const auto res = files_request(port(), "GET", "@my", "", admin_);
  const auto content = response_of(res, 200);
  return content.is_object() ? content.at("total").as_int64() : -1;
}

}  // namespace projectd::test
