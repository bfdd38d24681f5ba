// HttpServer's state, shared by its acceptor and lifecycle (server.cc) and its connections
// (session.cc). Include only from those two: Beast and Asio are costly to compile.
// Thread safety: as HttpServer (http/server.h); sessions_ and session_refs_ under sessions_mutex_,
// limits_ is thread-safe, options_ and dispatcher_ are read-only once running.
#pragma once

#include "base/lifo_worker_pool.h"
#include "http/connection_limits.h"
#include "http/server.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

namespace projectd {

class Session;

// The server's state, shared by the acceptor (server.cc) and its connections (session.cc).
class HttpServer::Impl {
 public:
  ~Impl() {
    if (stopper_.joinable()) stopper_.join();
  }
  Impl(Dispatcher& dispatcher, ServerOptions options);

  unsigned short bind();
  void run();
  void stop();

  void do_accept();
  void on_accept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);
  void session_started(const std::shared_ptr<Session>& s);
  void session_ended(Session* s, const std::string& address, bool counted);

  Dispatcher& dispatcher_;
  ServerOptions options_;
  int io_threads_;
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer
      accept_timer_;  // the pause after an accept error (on the acceptor's strand)
  std::chrono::steady_clock::time_point accept_error_logged_;
  LifoWorkerPool workers_;
  std::atomic<bool> stopping_{false};
  std::thread stopper_;  // waits for connections to drain, then stops the I/O loop

  std::mutex sessions_mutex_;
  std::condition_variable sessions_cv_;
  std::unordered_set<Session*> sessions_;
  std::vector<std::weak_ptr<Session>> session_refs_;
  ConnectionLimits limits_;
};

}  // namespace projectd
