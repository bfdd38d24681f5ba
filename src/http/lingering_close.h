// Lingering close, as Apache and nginx do it. An answer sent before the request's body ended (a
// 413 on Content-Length, a 507 when the disk filled mid-upload, a refused connection) must reach a
// client that is still sending: closing with unread bytes makes the kernel reset the connection,
// and a reset can destroy the answer before the client reads it. So the answer is ended with a FIN
// and what still arrives is read and dropped until the client closes, pauses for kLingerIdle, or
// kLingerTime has passed; then the stream is closed.
// Thread safety: call on the stream's executor, once the answer is written.
#pragma once

#include <boost/beast/core/tcp_stream.hpp>

#include <chrono>
#include <memory>

namespace projectd {

inline constexpr std::chrono::seconds kLingerTime{10};
inline constexpr std::chrono::seconds kLingerIdle{1};

// `owner` (the connection holding `stream`) is kept alive until the stream is closed.
void linger_then_close(boost::beast::tcp_stream& stream, std::shared_ptr<void> owner);

}  // namespace projectd
