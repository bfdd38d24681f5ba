#include "http/lingering_close.h"

#include <array>

namespace projectd {

namespace {

constexpr std::size_t kDrainPiece = 64 * 1024;

struct Drain {
  boost::beast::tcp_stream& stream;
  std::shared_ptr<void> owner;
  std::chrono::steady_clock::time_point until;
  std::array<char, kDrainPiece> scratch{};
};

void drain(std::shared_ptr<Drain> d) {
  const auto left = d->until - std::chrono::steady_clock::now();
  if (left <= std::chrono::steady_clock::duration::zero()) return d->stream.close();
  // tcp_stream's own timeout closes the socket when it expires, which is all that is left to do.
  d->stream.expires_after(std::min<std::chrono::steady_clock::duration>(left, kLingerIdle));
  d->stream.async_read_some(boost::asio::buffer(d->scratch),
                            [d](boost::system::error_code ec, std::size_t) {
                              if (ec) return d->stream.close();
                              drain(d);
                            });
}

}  // namespace

void linger_then_close(boost::beast::tcp_stream& stream, std::shared_ptr<void> owner) {
  boost::system::error_code ec;
  stream.socket().shutdown(boost::asio::ip::tcp::socket::shutdown_send, ec);
  if (ec) return stream.close();
  drain(std::make_shared<Drain>(
      Drain{stream, std::move(owner), std::chrono::steady_clock::now() + kLingerTime}));
}

}  // namespace projectd
