#include "test_server.h"

#include "store/postgres/postgres_connection.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <stdexcept>

extern char** environ;

namespace projectd::test {

namespace {

struct Spawned {
  pid_t pid;
  int output_fd;
};

// Starts the binary with stdout and stderr on one pipe.
Spawned spawn_projectd(const std::vector<std::string>& args,
                       const std::map<std::string, std::string>& extra_env) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 2);

  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    if (!extra_env.count(name) && name.rfind("PROJECTD_", 0) != 0) env_strings.push_back(entry);
  }
  for (const auto& [name, value] : extra_env)
    env_strings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& s : env_strings)
    envp.push_back(s.data());
  envp.push_back(nullptr);

  std::vector<std::string> argv_strings{PROJECTD_BINARY};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& s : argv_strings)
    argv.push_back(s.data());
  argv.push_back(nullptr);

  pid_t pid;
  const int rc = posix_spawn(&pid, PROJECTD_BINARY, &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    throw std::runtime_error("cannot start " + std::string(PROJECTD_BINARY));
  }
  return {pid, fds[0]};
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "projectd-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

ProcessResult run_projectd(const std::vector<std::string>& args,
                           const std::map<std::string, std::string>& env) {
  Spawned child = spawn_projectd(args, env);
  ProcessResult result;
  char buffer[4096];
  ssize_t n;
  while ((n = read(child.output_fd, buffer, sizeof buffer)) > 0)
    result.output.append(buffer, n);
  close(child.output_fd);
  result.exit_code = wait_exit(child.pid);
  return result;
}

// The build's paths reach this file alone (CMakeLists.txt), so every other test file compiles the
// same in any checkout and ccache can reuse it across clones.
std::string fault_preload_library() {
  return PROJECTD_FAULT_PRELOAD;
}

bool testing_postgres() {
  const char* store = std::getenv("PROJECTD_TEST_STORE");
  return store != nullptr && std::string_view(store) == "postgresql";
}

std::string test_store_url(const std::string& data_dir) {
  if (!testing_postgres()) return "sqlite:" + data_dir + "/projectd.db";
  const char* base = std::getenv("PROJECTD_TEST_POSTGRES");
  if (base == nullptr || *base == '\0') {
    throw std::runtime_error(
        "PROJECTD_TEST_STORE=postgresql needs PROJECTD_TEST_POSTGRES, the cluster's base URL");
  }
  // Servers restarted on a directory run in this process (the data directories are temporary),
  // so the process remembers each directory's schema; a new schema per directory, never one
  // derived from the path, which an earlier directory of the same name could have used.
  static std::mutex mutex;
  static std::map<std::string, std::string> schemas;
  static int made = 0;
  std::string schema;
  {
    std::lock_guard lock(mutex);
    std::string& known = schemas[data_dir];
    if (known.empty()) {
      known = "t" + std::to_string(getpid()) + "_" + std::to_string(++made);
      // An earlier run's process may have had this pid.
      PostgresConnection cluster(base);
      cluster.execute("DROP SCHEMA IF EXISTS " + known + " CASCADE");
      cluster.execute("CREATE SCHEMA " + known);
    }
    schema = known;
  }
  const std::string url = base;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

TestServer::TestServer(std::vector<std::string> extra_args, std::string data_dir,
                       std::map<std::string, std::string> env)
    : output_(std::make_shared<std::string>()), output_mutex_(std::make_shared<std::mutex>()) {
  if (data_dir.empty()) {
    temp_ = std::make_unique<TempDir>();
    data_dir = temp_->path();
  }
  data_dir_ = data_dir;
  std::vector<std::string> args{"serve", "--data", data_dir_};
  // A test may choose the port itself (--listen 127.0.0.1:PORT); else any free one.
  if (std::find(extra_args.begin(), extra_args.end(), "--listen") == extra_args.end())
    args.insert(args.end(), {"--listen", "127.0.0.1:0"});
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  auto store = std::find(args.begin(), args.end(), "--store");
  if (store != args.end() && store + 1 != args.end()) {
    store_url_ = *(store + 1);
  } else {
    store_url_ = test_store_url(data_dir_);
    args.insert(args.end(), {"--store", store_url_});
  }
  Spawned child = spawn_projectd(args, env);
  pid_ = child.pid;
  output_fd_ = child.output_fd;

  // Read until the server says where it listens; keep draining afterwards so it never blocks.
  const std::regex listening("listening on https?://127\\.0\\.0\\.1:([0-9]+)");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  std::string seen;
  char buffer[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    const ssize_t n = read(output_fd_, buffer, sizeof buffer);
    if (n <= 0) break;
    seen.append(buffer, n);
    std::smatch m;
    if (std::regex_search(seen, m, listening)) {
      port_ = static_cast<unsigned short>(std::stoi(m[1]));
      break;
    }
  }
  *output_ = seen;
  if (port_ == 0) {
    stop();
    throw std::runtime_error("projectd did not start:\n" + seen);
  }
  reader_ = std::thread([fd = output_fd_, out = output_, mutex = output_mutex_] {
    char buf[4096];
    ssize_t n;
    while ((n = read(fd, buf, sizeof buf)) > 0) {
      std::lock_guard lock(*mutex);
      out->append(buf, n);
    }
  });
}

std::string TestServer::output() const {
  std::lock_guard lock(*output_mutex_);
  return *output_;
}

int TestServer::stop() {
  return end_with(SIGTERM);
}

void TestServer::kill_hard() {
  end_with(SIGKILL);
}

int TestServer::end_with(int signal) {
  if (pid_ < 0) return 0;
  kill(pid_, signal);
  const int code = wait_exit(pid_);
  pid_ = -1;
  if (reader_.joinable()) reader_.join();
  if (output_fd_ >= 0) close(output_fd_);
  output_fd_ = -1;
  return code;
}

TestServer::~TestServer() {
  stop();
}

}  // namespace projectd::test
