// Starts the real projectd binary on an ephemeral loopback port with its own data directory, and
// stops it with SIGTERM (or kills it with SIGKILL, as a crash would). HTTP tests talk to it over a
// socket like any client would.
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace projectd::test {

inline constexpr const char* kAdminEmail = "admin@example.com";
inline constexpr const char* kAdminPassword = "admin-password-1";

// A fresh temporary directory, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

struct ProcessResult {
  int exit_code = -1;
  std::string output;  // stdout and stderr together
};
// Runs the binary with these arguments to completion.
ProcessResult run_projectd(const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env = {});

// The HTTP tests run against SQLite in each server's data directory, or, with
// PROJECTD_TEST_STORE=postgresql, against PostgreSQL: each data directory then gets a schema of its
// own in the cluster at PROJECTD_TEST_POSTGRES (a base URL; CTest's postgres fixture starts one).
bool testing_postgres();
// The fault-injection library of tests/preload/ (built beside the binary), for LD_PRELOAD.
std::string fault_preload_library();
// The --store URL of a server on `data_dir`. For PostgreSQL the schema is made on first use and
// remembered in the directory, so a server restarted on it finds its data again.
std::string test_store_url(const std::string& data_dir);

// For tests of what only SQLite has (its file, its fsync, its VFS): skipped on PostgreSQL, which
// the rest of the suite covers.
#define PROJECTD_SQLITE_ONLY()                                                            \
  do {                                                                                    \
    if (::projectd::test::testing_postgres()) GTEST_SKIP() << "tests SQLite's own files"; \
  } while (0)

class TestServer {
 public:
  // `data_dir` empty: a fresh temporary one. With the default environment the first admin is
  // kAdminEmail / kAdminPassword. It listens on a free loopback port unless `extra_args` names
  // `--listen 127.0.0.1:PORT`.
  explicit TestServer(std::vector<std::string> extra_args = {}, std::string data_dir = "",
                      std::map<std::string, std::string> env = admin_env());
  static std::map<std::string, std::string> admin_env() {
    return {{"PROJECTD_ADMIN_EMAIL", kAdminEmail}, {"PROJECTD_ADMIN_PASSWORD", kAdminPassword}};
  }
  ~TestServer();
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;

  unsigned short port() const { return port_; }
  pid_t pid() const { return pid_; }
  const std::string& data_dir() const { return data_dir_; }
  // What the server was started with as --store.
  const std::string& store_url() const { return store_url_; }
  // Everything the server printed so far.
  std::string output() const;
  // SIGTERM and wait; returns the exit status.
  int stop();
  // SIGKILL and wait: the server finishes nothing, as in a crash. The data directory stays (a
  // temporary one until this object is destroyed), so a new TestServer can start on it.
  void kill_hard();

 private:
  // Sends `signal` unless the server has already ended, then waits; returns the exit status.
  int end_with(int signal);

  std::unique_ptr<TempDir> temp_;
  std::string data_dir_;
  std::string store_url_;
  pid_t pid_ = -1;
  int output_fd_ = -1;
  unsigned short port_ = 0;
  std::thread reader_;
  std::shared_ptr<std::string> output_;
  std::shared_ptr<std::mutex> output_mutex_;
};

}  // namespace projectd::test
