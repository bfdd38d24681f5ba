// A bare TCP connection for tests that must misbehave: half-sent requests, oversized heads, a
// chosen source address on the loopback range.
#pragma once

#include <chrono>
#include <string>

namespace projectd::test {

class RawSocket {
 public:
  // Connects to 127.0.0.1:port from `source` (any 127.x.y.z address works on Linux loopback).
  explicit RawSocket(unsigned short port, const std::string& source = "127.0.0.1");
  ~RawSocket();
  RawSocket(const RawSocket&) = delete;
  RawSocket& operator=(const RawSocket&) = delete;

  void send(const std::string& bytes);
  // Everything received until the peer closes, `limit` bytes arrive, or `timeout` passes.
  std::string receive(std::chrono::milliseconds timeout, std::size_t limit = 1 << 20);
  // The status code of the first response line received within `timeout`, or 0.
  int receive_status(std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
};

}  // namespace projectd::test
