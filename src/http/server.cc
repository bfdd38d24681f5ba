// The acceptor, the connection caps and the graceful stop of HttpServer; each connection is a
// Session (http/session.h).
#include "http/server.h"

#include "http/server_impl.h"
#include "http/session.h"
#include "http/tls_certificates.h"

#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include <algorithm>
#include <optional>
#include <thread>

namespace projectd {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

// Accept errors that mean "no resources now" (out of descriptors or memory): retried after this
// pause, never in a loop that spins, and logged at most once per kAcceptErrorLogEvery.
constexpr std::chrono::milliseconds kAcceptRetryPause{100};
constexpr std::chrono::seconds kAcceptErrorLogEvery{10};

int default_threads(int configured, int per_core, int minimum) {
  if (configured > 0) return configured;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::max(minimum, cores * per_core);
}

// Request workers when --workers is 0: four per core for the work that uses the CPU, plus 32 for
// writes waiting on the store's group commit. A write holds its worker until its COMMIT (an fsync)
// returns, so the worker count caps how many writes one fsync can serve: with four per core a
// 2-core machine never grouped more than 8. A thread blocked on a commit costs no CPU and, with
// malloc arenas capped at start-up (app/serve.cc), little memory: a 64 KiB-ish stack touched.
int default_workers(int configured) {
  constexpr int kCommitWaiters = 32;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return configured > 0 ? configured : cores * 4 + kCommitWaiters;
}

// Request workers on the CPU at once: two per core. One per core served as many uncached GETs,
// but a long request (a large export) would then hold a core's only slot; more than two let the
// workers evict each other's caches (base/lifo_worker_pool.h, bench/README.md).
constexpr int kRunningWorkersPerCore = 2;

}  // namespace

HttpServer::Impl::Impl(Dispatcher& dispatcher, ServerOptions options)
    : dispatcher_(dispatcher),
      options_(std::move(options)),
      io_threads_(default_threads(options_.io_threads, 1, 1)),
      ioc_(io_threads_),
      acceptor_(net::make_strand(ioc_)),
      accept_timer_(acceptor_.get_executor()),
      workers_(static_cast<std::size_t>(default_workers(options_.worker_threads)),
               static_cast<std::size_t>(default_threads(0, kRunningWorkersPerCore, 1))),
      limits_(options_.max_connections, options_.max_connections_per_address,
              options_.max_spool_per_address) {
  if (options_.spool_dir.empty()) options_.spool_dir = std::filesystem::temp_directory_path();
}

unsigned short HttpServer::Impl::bind() {
  const auto address = net::ip::make_address(options_.host);
  tcp::endpoint endpoint(address, options_.port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(net::socket_base::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(net::socket_base::max_listen_connections);
  return acceptor_.local_endpoint().port();
}

void HttpServer::Impl::do_accept() {
  acceptor_.async_accept(net::make_strand(ioc_), beast::bind_front_handler(&Impl::on_accept, this));
}

void HttpServer::Impl::on_accept(beast::error_code ec, tcp::socket socket) {
  if (stopping_) return;
  if (ec) {
    // Out of descriptors or memory the same call fails again at once: pause rather than spin,
    // and say so (the connections already open go on being served).
    const bool no_resources = ec == net::error::no_descriptors ||
                              ec == boost::system::errc::too_many_files_open_in_system ||
                              ec == net::error::no_buffer_space || ec == net::error::no_memory;
    if (!no_resources) return do_accept();
    const auto now = std::chrono::steady_clock::now();
    if (now - accept_error_logged_ >= kAcceptErrorLogEvery) {
      accept_error_logged_ = now;
      spdlog::error("cannot accept connections: {}; retrying every {} ms", ec.message(),
                    kAcceptRetryPause.count());
    }
    accept_timer_.expires_after(kAcceptRetryPause);
    accept_timer_.async_wait([this](beast::error_code) { do_accept(); });
    return;
  }
  beast::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);
  const auto endpoint = socket.remote_endpoint(ignored);
  std::string address = ignored ? "unknown" : endpoint.address().to_string();
  std::optional<ApiError> refusal = limits_.admit(address);
  const bool admitted = !refusal;
  auto session = options_.tls
                     ? make_tls_session(*this, std::move(socket), options_.tls->current(),
                                        std::move(address), admitted)
                     : make_session(*this, std::move(socket), std::move(address), admitted);
  session_started(session);
  if (admitted) {
    session->start();
  } else {
    session->refuse(std::move(*refusal));
  }
  do_accept();
}

void HttpServer::Impl::session_started(const std::shared_ptr<Session>& s) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.insert(s.get());
  session_refs_.erase(std::remove_if(session_refs_.begin(), session_refs_.end(),
                                     [](const auto& w) { return w.expired(); }),
                      session_refs_.end());
  session_refs_.push_back(s);
}

void HttpServer::Impl::session_ended(Session* s, const std::string& address, bool counted) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.erase(s);
  if (counted) limits_.release(address);
  sessions_cv_.notify_all();
}

void HttpServer::Impl::run() {
  do_accept();
  std::vector<std::thread> threads;
  for (int i = 1; i < io_threads_; ++i)
    threads.emplace_back([this] { ioc_.run(); });
  ioc_.run();
  for (auto& t : threads)
    t.join();
  workers_.join();
  if (stopper_.joinable()) stopper_.join();
}

void HttpServer::Impl::stop() {
  if (stopping_.exchange(true)) return;
  net::post(acceptor_.get_executor(), [this] {
    beast::error_code ec;
    acceptor_.close(ec);
  });
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(sessions_mutex_);
    for (auto& w : session_refs_)
      if (auto s = w.lock()) live.push_back(std::move(s));
  }
  for (auto& s : live)
    s->shutdown();
  live.clear();
  // Requests in flight finish and answer (with Connection: close) before the loop stops.
  stopper_ = std::thread([this] {
    std::unique_lock lock(sessions_mutex_);
    sessions_cv_.wait_for(lock, options_.shutdown_grace, [this] { return sessions_.empty(); });
    ioc_.stop();
  });
}

HttpServer::HttpServer(Dispatcher& dispatcher, ServerOptions options)
    : impl_(std::make_unique<Impl>(dispatcher, std::move(options))) {}
HttpServer::~HttpServer() = default;
unsigned short HttpServer::bind() {
  return impl_->bind();
}
void HttpServer::run() {
  impl_->run();
}
void HttpServer::stop() {
  impl_->stop();
}

}  // namespace projectd
