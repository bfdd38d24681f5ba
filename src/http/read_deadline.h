// The deadline of a connection's reads (docs/security.md, "Slow clients"): a head must arrive
// within the header timeout, a body make progress within the body timeout and, when spooled, keep
// a minimum rate. Beast's tcp_stream timeout would close the socket and leave no way to answer
// 408; this one only stops the reading, so the connection can still be answered.
//
// Each start() supersedes the previous deadline (a generation tells a wait that already fired but
// was not yet handled that it is stale); extend() moves a running deadline without touching the
// timer, so a read that made progress costs no timerfd_settime: a timer that fires before the
// deadline it finds waits again for the rest. On expiry the socket's receive side is shut down and
// its operations cancelled: cancel() alone misses a composed read (async_read_header) between two
// of its steps, whose next read would then wait unwatched while a client trickles on (one
// connection in 300 under load, issue 14's flaky SlowClients test).
// Thread safety: used on its connection's executor only, like the stream it watches.
#pragma once

#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <chrono>
#include <cstdint>
#include <memory>

namespace projectd {

class ReadDeadline {
 public:
  explicit ReadDeadline(boost::beast::tcp_stream& stream);

  // A deadline `timeout` from now; `owner` is kept alive until the wait ends (the connection that
  // holds this object and the stream).
  void start(std::chrono::milliseconds timeout, std::shared_ptr<void> owner);
  void extend(std::chrono::milliseconds timeout);
  void stop();
  // Whether the last deadline expired (reset by start()).
  bool expired() const { return expired_; }

 private:
  void wait(std::uint64_t generation, std::shared_ptr<void> owner);

  boost::beast::tcp_stream& stream_;
  boost::asio::steady_timer timer_;
  std::uint64_t generation_ = 0;
  std::chrono::steady_clock::time_point deadline_;
  bool expired_ = false;
};

// How long a spooled body may still take, from `now`: `idle` (the body timeout, from the last
// piece), but never past what a minimum rate of `min_rate` bytes per second allows for the
// `received` bytes so far, counted after a grace period from `started` (`grace`). A rate of 0
// disables the rate. Both bounds only move later as bytes arrive, as ReadDeadline::extend needs.
std::chrono::milliseconds body_deadline(std::chrono::steady_clock::time_point started,
                                        std::uint64_t received, std::uint64_t min_rate,
                                        std::chrono::milliseconds grace,
                                        std::chrono::milliseconds idle,
                                        std::chrono::steady_clock::time_point now);

}  // namespace projectd
