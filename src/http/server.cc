#include "http/server.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "http/request_log.h"

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <vector>

namespace projectd {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

int default_threads(int configured, int per_core, int minimum) {
  if (configured > 0) return configured;
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return std::max(minimum, cores * per_core);
}

}  // namespace

class Session;

class HttpServer::Impl {
 public:
  ~Impl() {
    if (stopper_.joinable()) stopper_.join();
  }
  Impl(Dispatcher& dispatcher, ServerOptions options)
      : dispatcher_(dispatcher),
        options_(std::move(options)),
        io_threads_(default_threads(options_.io_threads, 1, 1)),
        ioc_(io_threads_),
        acceptor_(net::make_strand(ioc_)),
        workers_(static_cast<std::size_t>(default_threads(options_.worker_threads, 4, 4))) {}

  unsigned short bind();
  void run();
  void stop();

  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void session_started(const std::shared_ptr<Session>& s);
  void session_ended(Session* s);

  Dispatcher& dispatcher_;
  ServerOptions options_;
  int io_threads_;
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  net::thread_pool workers_;
  std::atomic<bool> stopping_{false};
  std::thread stopper_;  // waits for connections to drain, then stops the I/O loop

  std::mutex sessions_mutex_;
  std::condition_variable sessions_cv_;
  std::unordered_set<Session*> sessions_;
  std::vector<std::weak_ptr<Session>> session_refs_;
};

// One connection. All of its handlers run on its strand; the request handler runs on the worker
// pool and posts its answer back to the strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(HttpServer::Impl& server, tcp::socket socket)
      : server_(server), stream_(std::move(socket)), read_timer_(stream_.get_executor()) {
    beast::error_code ec;
    const auto endpoint = stream_.socket().remote_endpoint(ec);
    client_ = ec ? "unknown" : endpoint.address().to_string();
  }

  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  // Called on shutdown: an idle connection closes now, a busy one after its answer.
  void shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) self->close();
    });
  }

  ~Session() { server_.session_ended(this); }

 private:
  void read_header() {
    if (server_.stopping_) return close();
    idle_ = true;
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options_.header_limit));
    // The route's limit is applied once the head is known; until then Beast must not judge the
    // Content-Length against its own default.
    parser_->body_limit(boost::none);
    start_read_timer(server_.options_.header_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  // Reads have a deadline of our own rather than tcp_stream's, which would close the socket and
  // leave no way to answer 408.
  void start_read_timer(std::chrono::milliseconds timeout) {
    stream_.expires_never();
    timed_out_ = false;
    read_timer_.expires_after(timeout);
    read_timer_.async_wait([self = shared_from_this()](beast::error_code ec) {
      if (ec) return;  // cancelled: the read finished in time
      self->timed_out_ = true;
      beast::error_code ignored;
      self->stream_.socket().cancel(ignored);
    });
  }

  void on_header(beast::error_code ec, std::size_t) {
    idle_ = false;
    read_timer_.cancel();
    if (ec) return on_read_error(ec);
    started_ = std::chrono::steady_clock::now();
    auto& request = parser_->get();
    const std::size_t limit =
        server_.dispatcher_.body_limit_for(request.method(), request.target());
    if (parser_->content_length() && *parser_->content_length() > limit)
      return fail(too_large(limit));
    parser_->body_limit(limit);
    start_read_timer(server_.options_.body_timeout);
    if (beast::iequals(request[http::field::expect], "100-continue") && !parser_->is_done()) {
      auto cont = std::make_shared<http::response<http::empty_body>>(http::status::continue_, 11);
      http::async_write(stream_, *cont,
                        [self = shared_from_this(), cont](beast::error_code ec, std::size_t) {
                          if (ec) return self->close();
                          self->read_body();
                        });
      return;
    }
    read_body();
  }

  void read_body() {
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_body, shared_from_this()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    read_timer_.cancel();
    if (ec == http::error::body_limit) return fail(too_large(*parser_->get().payload_size()));
    if (ec) return on_read_error(ec);
    auto request = parser_->release();
    keep_alive_ = request.keep_alive();
    auto incoming = std::make_shared<IncomingRequest>();
    incoming->method = request.method();
    incoming->target = std::string(request.target());
    for (const auto& field : request) {
      const auto name = field.name_string();
      incoming->headers.emplace_back(ascii::to_lower(std::string_view(name.data(), name.size())),
                                     std::string(field.value()));
    }
    incoming->body = std::move(request.body());
    incoming->client_address = client_;
    // Handlers may block on the store; they never run on an I/O thread.
    net::post(server_.workers_, [self = shared_from_this(), incoming] {
      OutgoingResponse response = self->server_.dispatcher_.handle(*incoming);
      net::post(self->stream_.get_executor(),
                [self, incoming, response = std::move(response)]() mutable {
                  self->write(*incoming, std::move(response));
                });
    });
  }

  void on_read_error(beast::error_code ec) {
    if (ec == net::error::operation_aborted && timed_out_) ec = beast::error::timeout;
    if (ec == http::error::end_of_stream || ec == net::error::eof ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset)
      return close();
    if (ec == beast::error::timeout) {
      // A connection that sent nothing is just idle; one that started a request is too slow.
      if (buffer_.size() == 0 && !parser_->got_some()) return close();
      return fail(ApiError(ErrorKind::kRequestTimeout, "The request was not received in time"));
    }
    if (ec == http::error::header_limit)
      return fail(ApiError(ErrorKind::kHeaderTooLarge, "The request headers are too large"));
    fail(ApiError(ErrorKind::kBadRequest, "The request is not valid HTTP/1.1: " + ec.message()));
  }

  static ApiError too_large(std::uint64_t limit) {
    return ApiError(ErrorKind::kPayloadTooLarge,
                    "The request body is larger than this endpoint accepts (" +
                        std::to_string(limit) + " bytes)");
  }

  // Answers a protocol-level error and closes: the rest of the stream cannot be trusted.
  void fail(const ApiError& error) {
    keep_alive_ = false;
    IncomingRequest request;
    if (parser_ && parser_->is_header_done()) {
      request.method = parser_->get().method();
      request.target = std::string(parser_->get().target());
    } else {
      request.method = http::verb::unknown;
    }
    write(request, Dispatcher::error_response(error, Format::kJson));
  }

  void write(const IncomingRequest& request, OutgoingResponse response) {
    auto out = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(response.status), 11);
    for (auto& [name, value] : response.headers)
      out->insert(name, value);
    out->set(http::field::server, "projectd");
    out->body() = std::move(response.body);
    const bool keep = keep_alive_ && !server_.stopping_;
    out->keep_alive(keep);
    out->prepare_payload();
    log_request(request.method, request.target, response.status,
                std::chrono::steady_clock::now() - started_, response.user_id);
    stream_.expires_after(server_.options_.body_timeout);
    http::async_write(stream_, *out,
                      [self = shared_from_this(), out, keep](beast::error_code ec, std::size_t) {
                        if (ec || !keep) return self->close();
                        self->read_header();
                      });
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  HttpServer::Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::string client_;
  net::steady_timer read_timer_;
  bool timed_out_ = false;
  bool keep_alive_ = true;
  bool idle_ = true;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
};

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
  if (!ec) {
    bool full;
    {
      std::lock_guard lock(sessions_mutex_);
      full = sessions_.size() >= options_.max_connections;
    }
    if (full) {
      spdlog::warn("connection limit of {} reached; refusing a connection",
                   options_.max_connections);
    } else {
      socket.set_option(tcp::no_delay(true), ec);
      auto session = std::make_shared<Session>(*this, std::move(socket));
      session_started(session);
      session->start();
    }
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

void HttpServer::Impl::session_ended(Session* s) {
  std::lock_guard lock(sessions_mutex_);
  sessions_.erase(s);
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
