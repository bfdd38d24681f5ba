// The HTTP/1.1 edge on Boost.Beast: keep-alive sessions on one I/O thread per core, handlers on a
// separate worker pool, limits on header size, body size (per route), and read time, so a slow or
// hostile client holds neither a thread nor memory. Graceful stop: stop accepting, close idle
// connections, let requests in flight finish.
// Thread safety: construct, bind and run from one thread; stop() may be called from any thread.
#pragma once

#include "http/client_address.h"
#include "http/dispatcher.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace projectd {

class TlsCertificates;

struct ServerOptions {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;  // 0: an ephemeral port, see bind()
  int io_threads = 0;          // 0: one per core
  int worker_threads = 0;      // 0: four per core plus 32 (writes waiting on a group commit)
  std::size_t header_limit = 16 * 1024;
  // A request's head must arrive within this time of the connection going idle; its body within
  // body_timeout. A slow client is answered 408 and closed.
  std::chrono::milliseconds header_timeout{std::chrono::seconds(15)};
  std::chrono::milliseconds body_timeout{std::chrono::seconds(120)};
  // Connections served at once, in all and from one client address; more are answered 503 and
  // closed at once (docs/security.md, "Connections"). The soft open-files limit is raised to the
  // hard one at start, and max_connections never exceeds what it leaves room for (two descriptors
  // per connection: its socket and a file it uploads or downloads, plus a reserve for the store
  // and the logs). 0: no per-address cap.
  std::size_t max_connections = 10000;
  std::size_t max_connections_per_address = 512;
  // Upload bytes being spooled at once from one client address (announced Content-Lengths, or
  // what a chunked body has sent so far); an upload past it answers 429 before it is spooled.
  std::uint64_t max_spool_per_address = std::uint64_t{400} * 1024 * 1024;
  // A spooled body must keep this average rate (bytes/s) after its first 10 s (or body_timeout if
  // shorter), on top of the idle body_timeout, so trickling a byte at a time cannot hold spool
  // space for long. 0: no minimum.
  std::uint64_t min_body_rate = 1024;
  std::chrono::milliseconds shutdown_grace{std::chrono::seconds(30)};
  // Where bodies of streams_body routes are spooled (the blob store's temp directory, so adopting
  // an upload is a rename). For spooled bodies body_timeout is an idle timeout: it restarts
  // whenever bytes arrive, so a large upload is not cut off while it makes progress (min_body_rate
  // still applies); writes use the same idle rule, so a large download is not cut off either.
  // Empty: the system's temporary directory (tests and tools without a blob store).
  std::filesystem::path spool_dir;
  // Peers whose X-Forwarded-For and X-Forwarded-Proto are believed (http/client_address.h): the
  // client address they name is the one of the request log, the sign-in throttle and the upload
  // spool cap; the connection caps count TCP peers, known before any header.
  TrustedProxies trusted_proxies;
  // Set: the listener speaks HTTPS with this certificate (http/tls_certificates.h); the handshake
  // must end within header_timeout and its connection counts toward the caps from its accept.
  std::shared_ptr<TlsCertificates> tls;
};

class HttpServer {
 public:
  HttpServer(Dispatcher& dispatcher, ServerOptions options);
  ~HttpServer();

  // Binds and listens; returns the bound port (useful with port 0). Throws on failure.
  unsigned short bind();
  // Serves until stop(); returns once every connection is closed or the grace period ended.
  void run();
  void stop();

  class Impl;  // public only so the session class (http/session.cc) can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace projectd
