// One HTTP/1.1 connection of HttpServer (http/server.h): reads each request's head within the
// header timeout, routes it, reads or spools its body under the route's limits, hands it to the
// worker pool and writes the answer, then waits for the next request on the same connection. Every
// per-request path of the edge lives here; the acceptor, the connection caps and the graceful stop
// stay in server.cc.
// Thread safety: a session's handlers all run on its own strand; start(), refuse() and shutdown()
// may be called from any thread (they post to the strand).
#pragma once

#include "base/errors.h"
#include "http/server.h"

#include <boost/asio/ip/tcp.hpp>

#include <memory>
#include <string>

namespace boost::asio::ssl {
class context;
}  // namespace boost::asio::ssl

namespace projectd {

// What the server needs of a connection, whatever stream it runs on.
class Session {
 public:
  virtual ~Session() = default;
  // Starts reading requests.
  virtual void start() = 0;
  // A connection over a cap: answered with `error` at once and closed, its request never read.
  virtual void refuse(ApiError error) = 0;
  // Called on shutdown: an idle connection closes now, a busy one after its answer.
  virtual void shutdown() = 0;
};

// A session on a plain TCP connection. `counted`: the connection was admitted
// (ConnectionLimits::admit) and is released when the session ends.
std::shared_ptr<Session> make_session(HttpServer::Impl& server, boost::asio::ip::tcp::socket socket,
                                      std::string client, bool counted);
// A session speaking HTTPS: the TLS handshake (within the header timeout) comes first, with `tls`,
// the certificate current when the connection was accepted.
std::shared_ptr<Session> make_tls_session(HttpServer::Impl& server,
                                          boost::asio::ip::tcp::socket socket,
                                          std::shared_ptr<boost::asio::ssl::context> tls,
                                          std::string client, bool counted);

}  // namespace projectd
