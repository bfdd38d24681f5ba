#include "http/read_deadline.h"

#include <algorithm>

namespace projectd {

ReadDeadline::ReadDeadline(boost::beast::tcp_stream& stream)
    : stream_(stream), timer_(stream.get_executor()) {}

void ReadDeadline::start(std::chrono::milliseconds timeout, std::shared_ptr<void> owner) {
  stream_.expires_never();
  expired_ = false;
  deadline_ = std::chrono::steady_clock::now() + timeout;
  wait(++generation_, std::move(owner));
}

void ReadDeadline::extend(std::chrono::milliseconds timeout) {
  deadline_ = std::chrono::steady_clock::now() + timeout;
}

void ReadDeadline::stop() {
  ++generation_;
  timer_.cancel();
}

void ReadDeadline::wait(std::uint64_t generation, std::shared_ptr<void> owner) {
  timer_.expires_at(deadline_);
  timer_.async_wait([this, generation, owner](boost::system::error_code ec) {
    if (ec || generation != generation_) return;  // cancelled or superseded
    if (std::chrono::steady_clock::now() < deadline_) return wait(generation, owner);
    expired_ = true;
    boost::system::error_code ignored;
    stream_.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_receive, ignored);
    stream_.socket().cancel(ignored);
  });
}

std::chrono::milliseconds body_deadline(std::chrono::steady_clock::time_point started,
                                        std::uint64_t received, std::uint64_t min_rate,
                                        std::chrono::milliseconds grace,
                                        std::chrono::milliseconds idle,
                                        std::chrono::steady_clock::time_point now) {
  if (min_rate == 0) return idle;
  const auto allowed = started + grace + std::chrono::milliseconds(received * 1000 / min_rate);
  const auto by_rate = std::chrono::duration_cast<std::chrono::milliseconds>(allowed - now);
  return std::max(std::chrono::milliseconds(0), std::min(idle, by_rate));
}

}  // namespace projectd
