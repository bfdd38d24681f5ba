// Shared set-up of the Documents and attachment HTTP tests: files made through the API, project
// folders, multipart bodies, and calls under api/2.0/files/.
#pragma once

#include "task_test_support.h"

#include <cstdint>
#include <string>
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
  // The project's documents folder id (projectFolder), as the admin.
  static std::int64_t project_folder(std::int64_t project);
  // The ids of GET task/{id}/files as `auth`.
  static std::vector<std::int64_t> attached(std::int64_t task, const Headers& auth);
};

}  // namespace projectd::test
