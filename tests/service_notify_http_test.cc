// sd_notify readiness of `projectd serve` (src/app/service_notify.h, docs/packaging.md): the real
// binary started with NOTIFY_SOCKET naming a unix datagram socket the test owns, as systemd does
// for a Type=notify unit.
#include "http_client.h"
#include "test_server.h"

#include <gtest/gtest.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <stdexcept>
#include <string>
#include <thread>

namespace projectd::test {
namespace {

// A unix datagram socket standing in for systemd's notification socket.
class NotifySocket {
 public:
  NotifySocket() : path_(dir_.path() + "/notify") {
    fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    path_.copy(address.sun_path, sizeof address.sun_path - 1);
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
      throw std::runtime_error("cannot bind the notify socket " + path_);
  }
  ~NotifySocket() { close(fd_); }
  const std::string& path() const { return path_; }

  // The next datagram, or "" when none arrives within `timeout`.
  std::string receive(std::chrono::seconds timeout) {
    timeval tv{static_cast<time_t>(timeout.count()), 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    char buffer[4096];
    const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
    return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string();
  }

 private:
  TempDir dir_;
  std::string path_;
  int fd_ = -1;
};

// A loopback port nothing listens on right now.
unsigned short free_notify_test_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

std::map<std::string, std::string> notify_env(const std::string& socket_path) {
  auto env = TestServer::admin_env();
  env["NOTIFY_SOCKET"] = socket_path;
  return env;
}

TEST(ServiceNotifyTest, ReadyArrivesOnceThePortAnswersAndStoppingOnSigterm) {
  NotifySocket notify;
  const unsigned short port = free_notify_test_port();
  // The status of GET /healthz asked the moment READY=1 arrived: it must already be answered.
  std::string ready;
  int status_at_ready = 0;
  std::thread listener([&] {
    ready = notify.receive(std::chrono::seconds(60));
    try {
      status_at_ready = HttpClient(port).get("/healthz").status;
    } catch (const std::exception&) {
      status_at_ready = -1;  // refused: READY=1 came before the socket listened
    }
  });
  TestServer server({"--listen", "127.0.0.1:" + std::to_string(port)}, "",
                    notify_env(notify.path()));
  listener.join();
  EXPECT_NE(ready.find("READY=1"), std::string::npos) << ready;
  EXPECT_EQ(status_at_ready, 200);

  EXPECT_EQ(server.stop(), 0);
  const std::string stopping = notify.receive(std::chrono::seconds(10));
  EXPECT_NE(stopping.find("STOPPING=1"), std::string::npos) << stopping;
  EXPECT_EQ(notify.receive(std::chrono::seconds(1)), "") << "one READY=1 and one STOPPING=1 only";
}

TEST(ServiceNotifyTest, AnUnreachableNotifySocketDoesNotStopTheServer) {
  TestServer server({}, "", notify_env("/nonexistent/projectd-notify"));
  EXPECT_EQ(HttpClient(server.port()).get("/healthz").status, 200);
  EXPECT_EQ(server.stop(), 0);
}

}  // namespace
}  // namespace projectd::test
