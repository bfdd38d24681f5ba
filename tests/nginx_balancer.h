// nginx as the load balancer in front of several projectd nodes, for the multi-node tests: the
// configuration a deployment needs (round-robin over the nodes, request and response bodies
// streamed through rather than buffered, no body size limit of nginx's own: projectd enforces
// --max-upload-mb), with every path inside one temporary directory so it runs unprivileged.
// nginx runs in the foreground as a child of the test and is stopped on destruction.
#pragma once

#include "test_server.h"

#include <sys/types.h>

#include <string>
#include <vector>

namespace projectd::test {

inline constexpr const char* kNginxBinary = "/usr/sbin/nginx";

// The whole nginx.conf: listens on 127.0.0.1:`port`, proxies to 127.0.0.1:<each of `nodes`> in
// turn, keeps its files (logs, pid, temp directories) in `dir`, and logs each request's upstream
// address first on its access-log line.
std::string nginx_balancer_config(const std::string& dir, unsigned short port,
                                  const std::vector<unsigned short>& nodes);

// A loopback port nobody listens on right now (bound to port 0 and closed again).
unsigned short free_loopback_port();

class NginxBalancer {
 public:
  static bool available();  // the nginx binary is installed
  // Starts nginx and waits until it accepts connections; throws std::runtime_error (with its error
  // log) when it does not.
  explicit NginxBalancer(const std::vector<unsigned short>& nodes);
  ~NginxBalancer();  // stop()
  NginxBalancer(const NginxBalancer&) = delete;
  NginxBalancer& operator=(const NginxBalancer&) = delete;

  unsigned short port() const { return port_; }
  // The upstream address ("127.0.0.1:PORT") of every request logged so far, in order. nginx logs
  // a request just after answering it: wait for the count you expect.
  std::vector<std::string> upstreams() const;
  std::string error_log() const;
  // SIGTERM and wait; returns the exit status.
  int stop();

 private:
  TempDir dir_;
  unsigned short port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace projectd::test
