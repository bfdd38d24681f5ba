// The HTTP/1.1 edge on Boost.Beast: keep-alive sessions on one I/O thread per core, handlers on a
// separate worker pool, limits on header size, body size (per route), and read time, so a slow or
// hostile client holds neither a thread nor memory. Graceful stop: stop accepting, close idle
// connections, let requests in flight finish.
// Thread safety: construct, bind and run from one thread; stop() may be called from any thread.
#pragma once

#include "http/dispatcher.h"

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>

namespace projectd {

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
  std::size_t max_connections = 10000;
  std::chrono::milliseconds shutdown_grace{std::chrono::seconds(30)};
  // Where bodies of streams_body routes are spooled (the blob store's temp directory, so adopting
  // an upload is a rename). For spooled bodies body_timeout is an idle timeout: it restarts
  // whenever bytes arrive, so a large upload is not cut off while it makes progress; writes use
  // the same idle rule, so a large download is not cut off either. Empty: the system's temporary
  // directory (tests and tools without a blob store).
  std::filesystem::path spool_dir;
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

  class Impl;  // public only so the session class in server.cc can name it

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace projectd
