#include "nginx_balancer.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <utility>

extern char** environ;

namespace projectd::test {

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

sockaddr_in loopback(unsigned short port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return address;
}

bool accepts_connections(unsigned short port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  const sockaddr_in address = loopback(port);
  const bool connected =
      ::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return connected;
}

// Round-robin is nginx's default. Bodies stream both ways (an upload reaches a node while it is
// being sent, a download leaves a node while it is being read), and the client's Host reaches the
// node, which builds absolute URLs from it. @DIR@, @PORT@ and @SERVERS@ are filled in.
constexpr std::string_view kConfig = R"(daemon off;
master_process off;
error_log @DIR@/error.log;
pid @DIR@/nginx.pid;
events {}
http {
  upstream projectd {
@SERVERS@  }
  log_format upstream '$upstream_addr $status $request_method $request_uri';
  server {
    listen 127.0.0.1:@PORT@;
    client_max_body_size 0;
    proxy_request_buffering off;
    proxy_buffering off;
    client_body_temp_path @DIR@/body;
    proxy_temp_path @DIR@/proxy;
    fastcgi_temp_path @DIR@/fastcgi;
    uwsgi_temp_path @DIR@/uwsgi;
    scgi_temp_path @DIR@/scgi;
    access_log @DIR@/access.log upstream;
    location / {
      proxy_pass http://projectd;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }
}
)";

}  // namespace

std::string nginx_balancer_config(const std::string& dir, unsigned short port,
                                  const std::vector<unsigned short>& nodes) {
  std::string servers;
  for (const unsigned short node : nodes)
    servers += "    server 127.0.0.1:" + std::to_string(node) + ";\n";
  const std::vector<std::pair<std::string, std::string>> fills = {
      {"@DIR@", dir}, {"@PORT@", std::to_string(port)}, {"@SERVERS@", servers}};
  std::string config(kConfig);
  for (const auto& [placeholder, value] : fills)
    for (auto at = config.find(placeholder); at != std::string::npos;
         at = config.find(placeholder, at + value.size()))
      config.replace(at, placeholder.size(), value);
  return config;
}

unsigned short free_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in address = loopback(0);
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot bind a loopback port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

bool NginxBalancer::available() {
  return ::access(kNginxBinary, X_OK) == 0;
}

NginxBalancer::NginxBalancer(const std::vector<unsigned short>& nodes)
    : port_(free_loopback_port()) {
  const std::string dir = dir_.path();
  const std::string config = dir + "/nginx.conf";
  std::ofstream(config) << nginx_balancer_config(dir, port_, nodes);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string output = dir + "/nginx.out";
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  // -e: the error log before the configuration is read (the default is under /var/log).
  std::vector<std::string> args{kNginxBinary, "-p", dir, "-c", config, "-e", dir + "/error.log"};
  std::vector<char*> argv;
  for (auto& arg : args)
    argv.push_back(arg.data());
  argv.push_back(nullptr);
  const int rc = posix_spawn(&pid_, kNginxBinary, &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    pid_ = -1;
    throw std::runtime_error("cannot start " + std::string(kNginxBinary));
  }

  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!accepts_connections(port_)) {
    int status = 0;
    const bool ended = ::waitpid(pid_, &status, WNOHANG) == pid_;
    if (ended) pid_ = -1;
    if (ended || std::chrono::steady_clock::now() > deadline) {
      stop();
      throw std::runtime_error("nginx did not start:\n" + read_text(output) + error_log());
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

NginxBalancer::~NginxBalancer() {
  stop();
}

std::vector<std::string> NginxBalancer::upstreams() const {
  std::vector<std::string> found;
  std::istringstream log(read_text(dir_.path() + "/access.log"));
  std::string line;
  while (std::getline(log, line))
    found.push_back(line.substr(0, line.find(' ')));
  return found;
}

std::string NginxBalancer::error_log() const {
  return read_text(dir_.path() + "/error.log");
}

int NginxBalancer::stop() {
  if (pid_ < 0) return 0;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace projectd::test
