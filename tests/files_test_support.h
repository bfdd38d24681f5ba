// Shared set-up of the Documents and attachment HTTP tests: files made through the API, project
// folders, multipart and raw upload bodies, downloads, calls under api/2.0/files/, what the blob
// store keeps on disk, and servers of their own for tests that need other flags.
#pragma once

#include "task_test_support.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace projectd::test {

struct Part {
  std::string name;      // the form field
  std::string filename;  // empty: a plain field
  std::string content;
  std::string content_type = "application/octet-stream";
};

// A multipart/form-data body and its Content-Type header value.
std::pair<std::string, std::string> multipart_body(const std::vector<Part>& parts);

// "/api/2.0/files/<rest>"
std::string files_path(const std::string& rest);
// A request to api/2.0/files/<path> on the server at `port`, body and headers as given.
HttpResponse files_request(unsigned short port, const std::string& method, const std::string& path,
                           const std::string& body, const Headers& headers);
// `auth` plus the headers of a raw upload body named `title`.
Headers raw_upload_headers(const Headers& auth, const std::string& title,
                           const std::string& content_type = "application/octet-stream");
// GET filehandler.ashx?action=download&fileid=<file><query> (`query` starts with '&').
HttpResponse fetch_file(unsigned short port, std::int64_t file, const Headers& headers,
                        const std::string& query = "");

// Lowercase hex SHA-256, computed independently of projectd (OpenSSL).
std::string sha256_hex(std::string_view bytes);
// Where the blob store keeps a content: <data_dir>/blobs/<first two hex digits>/<sha256>.
std::filesystem::path content_path(const std::string& data_dir, const std::string& sha256);
// Regular files under <data_dir>/blobs outside blobs/tmp: the stored contents.
std::size_t stored_contents(const std::string& data_dir);
// Regular files under <data_dir>/blobs/tmp: uploads spooled and not (yet) cleaned up.
std::size_t spooled_files(const std::string& data_dir);
// Polls `condition` until it holds or `timeout` passes; returns its last value.
bool eventually(const std::function<bool()>& condition,
                std::chrono::milliseconds timeout = std::chrono::seconds(5));

// The node's projectd_response_cache_hits_total, read from its /metrics as `admin`; -1 when the
// scrape fails or lacks it.
double response_cache_hits(unsigned short port, const Headers& admin);

class FilesSuite : public TaskSuite {
 protected:
  // A call to api/2.0/files/<path> with a JSON body (none when `body` is null).
  static HttpResponse files_call(const std::string& method, const std::string& path,
                                 const boost::json::value& body, const Headers& auth);
  // POST files/<folder>/text; fails the test unless 201. Returns the FileWrapper.
  static boost::json::object create_text(const std::string& folder, const std::string& title,
                                         const std::string& content, const Headers& auth);
  static std::int64_t create_text_id(const std::string& folder, const std::string& title,
                                     const std::string& content, const Headers& auth);
  // POST files/<folder>/upload as multipart.
  static HttpResponse upload(const std::string& folder, const std::vector<Part>& parts,
                             const Headers& auth, const std::string& query = "");
  // One file uploaded as one multipart part; fails the test unless 201. Returns its id.
  static std::int64_t upload_id(const std::string& folder, const std::string& title,
                                const std::string& bytes, const Headers& auth);
  // POST files/<path> with `bytes` as the body and `headers` (auth and content headers) as given.
  static HttpResponse post_raw(const std::string& path, const std::string& bytes,
                               const Headers& headers);
  // The FolderContentWrapper of GET files/<folder><query>, which must answer 200.
  static boost::json::value folder_content(const std::string& folder, const Headers& auth,
                                           const std::string& query = "");
  // POST files/folder/<parent>; fails the test unless 201. Returns the new folder's id.
  static std::int64_t new_folder(const std::string& parent, const std::string& title,
                                 const Headers& auth);
  // The id of the caller's @my folder.
  static std::int64_t my_folder(const Headers& auth);
  // GET files/file/<id><query>: the status, and the FileWrapper of an answer that must be 200.
  static int file_status(std::int64_t file, const Headers& auth);
  static boost::json::value file_info(std::int64_t file, const Headers& auth,
                                      const std::string& query = "");
  // A download from the suite's server, and the bytes of one that must answer 200.
  static HttpResponse download(std::int64_t file, const Headers& headers,
                               const std::string& query = "");
  static std::string downloaded(std::int64_t file, const Headers& headers,
                                const std::string& query = "");
  // The project's documents folder id (projectFolder), as the admin.
  static std::int64_t project_folder(std::int64_t project);
  // The ids of GET task/{id}/files as `auth`.
  static std::vector<std::int64_t> attached(std::int64_t task, const Headers& auth);
  static const std::string& data_dir() { return server_->data_dir(); }
};

// A server of its own, signed in as the admin, for tests that need flags the suite's server does
// not have (`--max-upload-mb 1`, `--blob-grace-seconds 0`).
class OwnServer {
 public:
  explicit OwnServer(std::vector<std::string> flags);
  // Stops the server: a non-zero exit or a sanitizer report fails the test.
  ~OwnServer();
  OwnServer(const OwnServer&) = delete;
  OwnServer& operator=(const OwnServer&) = delete;

  unsigned short port() const { return server_.port(); }
  pid_t pid() const { return server_.pid(); }
  const std::string& data_dir() const { return server_.data_dir(); }
  const Headers& admin() const { return admin_; }
  // POST files/@my/upload as the admin, `bytes` as a raw body named `title`.
  HttpResponse upload(const std::string& title, const std::string& bytes) const;
  // The same; fails the test unless 201. Returns the file id.
  std::int64_t upload_id(const std::string& title, const std::string& bytes) const;
  // DELETE file/{id} for good (`immediately`: not into the trash).
  HttpResponse remove(std::int64_t file) const;
  // `total` of the admin's GET files/@my.
  std::int64_t my_total() const;

 private:
  TestServer server_;
  Headers admin_;
};

}  // namespace projectd::test
