// What the disk tests (disk_full_http_test.cc, disk_faults_http_test.cc) ask of a server of their
// own: uploads of a given size, how many files @my holds, the titles of the projects; and the
// fault shim (tests/preload/fault_preload.cc) those and the crash tests preload into it.
#pragma once

#include "files_test_support.h"

#include <cstdlib>
#include <fstream>
#include <map>

namespace projectd::test {

// The environment of a server with the fault shim preloaded, its triggers in `fault_dir`, and the
// first admin.
inline std::map<std::string, std::string> fault_preload_env(const std::string& fault_dir) {
  std::map<std::string, std::string> env = TestServer::admin_env();
  env["LD_PRELOAD"] = fault_preload_library();
  env["PROJECTD_FAULT_DIR"] = fault_dir;
  // The shim comes before the sanitizer runtime in the library list, which ASan otherwise refuses.
  const char* asan = std::getenv("ASAN_OPTIONS");
  env["ASAN_OPTIONS"] = std::string(asan ? asan : "") + ":verify_asan_link_order=0";
  return env;
}

// Makes or removes the shim's trigger `name` in `fault_dir`.
inline void set_fault(const std::string& fault_dir, const std::string& name, bool on) {
  const std::filesystem::path trigger = std::filesystem::path(fault_dir) / name;
  if (on) {
    std::ofstream(trigger) << "on";
  } else {
    std::filesystem::remove(trigger);
  }
}

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
