// What the disk tests (disk_full_http_test.cc, disk_faults_http_test.cc) ask of a server of their
// own: uploads of a given size, how many files @my holds, the titles of the projects.
#pragma once

#include "files_test_support.h"

namespace projectd::test {

// POST files/@my/upload: `bytes` bytes as a raw body named `title`.
inline HttpResponse upload_bytes(unsigned short port, const Headers& auth, const std::string& title,
                                 std::size_t bytes) {
  return files_request(port, "POST", "@my/upload", std::string(bytes, 'u'),
                       raw_upload_headers(auth, title));
}

// `total` of GET files/@my, which must answer 200.
inline std::int64_t my_file_count(unsigned short port, const Headers& auth) {
  const auto res = files_request(port, "GET", "@my", "", auth);
  EXPECT_EQ(res.status, 200) << res.body;
  return res.status == 200 ? res.json().at("response").at("total").as_int64() : -1;
}

// The titles GET project lists, which must answer 200.
inline std::vector<std::string> project_titles(unsigned short port, const Headers& auth) {
  const auto res = HttpClient(port).get("/api/2.0/project", auth);
  EXPECT_EQ(res.status, 200) << res.body;
  std::vector<std::string> titles;
  if (res.status != 200) return titles;
  const boost::json::value listed = res.json();
  for (const auto& project : listed.at("response").as_array())
    titles.emplace_back(project.at("title").as_string());
  return titles;
}

}  // namespace projectd::test
