#include "http/server.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "blob/file_io.h"
#include "http/client_address.h"
#include "http/connection_limits.h"
#include "http/file_slice_body.h"
#include "http/lingering_close.h"
#include "http/read_deadline.h"
#include "http/request_id.h"
#include "http/request_log.h"
#include "http/request_metrics.h"
#include "http/spool_body.h"

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <array>
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

// A spooled body is read in pieces of up to this size: one recv and one write to the spool file
// each, where Beast's read_some would read no more than the buffer's capacity (a few KiB after the
// head) and never more than 64 KiB.
constexpr std::size_t kSpoolReadSize = 512 * 1024;

// A spooled body's minimum rate (ServerOptions::min_body_rate) applies after this start, or after
// body_timeout when that is shorter.
constexpr std::chrono::milliseconds kBodyRateGrace{10000};

// Accept errors that mean "no resources now" (out of descriptors or memory): retried after this
// pause, never in a loop that spins, and logged at most once per kAcceptErrorLogEvery.
constexpr std::chrono::milliseconds kAcceptRetryPause{100};
constexpr std::chrono::seconds kAcceptErrorLogEvery{10};

// RFC 9112 §6.1: a request body is delimited by `chunked` or by Content-Length, nothing else.
bool unsupported_transfer_coding(const boost::beast::http::fields& head) {
  const std::size_t count = head.count(boost::beast::http::field::transfer_encoding);
  if (count == 0) return false;
  return count > 1 ||
         !ascii::iequals(ascii::trim(head[boost::beast::http::field::transfer_encoding]),
                         "chunked");
}

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
        accept_timer_(acceptor_.get_executor()),
        workers_(static_cast<std::size_t>(default_workers(options_.worker_threads))),
        limits_(options_.max_connections, options_.max_connections_per_address,
                options_.max_spool_per_address) {
    if (options_.spool_dir.empty()) options_.spool_dir = std::filesystem::temp_directory_path();
  }

  unsigned short bind();
  void run();
  void stop();

  void do_accept();
  void on_accept(beast::error_code ec, tcp::socket socket);
  void session_started(const std::shared_ptr<Session>& s);
  void session_ended(Session* s, const std::string& address, bool counted);

  Dispatcher& dispatcher_;
  ServerOptions options_;
  int io_threads_;
  net::io_context ioc_;
  tcp::acceptor acceptor_;
  net::steady_timer accept_timer_;  // the pause after an accept error (on the acceptor's strand)
  std::chrono::steady_clock::time_point accept_error_logged_;
  net::thread_pool workers_;
  std::atomic<bool> stopping_{false};
  std::thread stopper_;  // waits for connections to drain, then stops the I/O loop

  std::mutex sessions_mutex_;
  std::condition_variable sessions_cv_;
  std::unordered_set<Session*> sessions_;
  std::vector<std::weak_ptr<Session>> session_refs_;
  ConnectionLimits limits_;
};

// One connection. All of its handlers run on its strand; the request handler runs on the worker
// pool and posts its answer back to the strand.
class Session : public std::enable_shared_from_this<Session> {
 public:
  // `counted`: the connection was admitted (ConnectionLimits::admit) and is released when it ends.
  Session(HttpServer::Impl& server, tcp::socket socket, std::string client, bool counted)
      : server_(server),
        stream_(std::move(socket)),
        client_(std::move(client)),
        counted_(counted),
        deadline_(stream_) {}

  void start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->read_header(); });
  }

  // A connection over a cap: answered with `error` at once and closed, its request never read.
  void refuse(ApiError error) {
    net::dispatch(stream_.get_executor(),
                  [self = shared_from_this(), error = std::move(error)] { self->fail(error); });
  }

  // Called on shutdown: an idle connection closes now, a busy one after its answer.
  void shutdown() {
    net::post(stream_.get_executor(), [self = shared_from_this()] {
      if (self->idle_) self->close();
    });
  }

  ~Session() {
    release_spool();
    server_.session_ended(this, client_, counted_);
  }

 private:
  void read_header() {
    if (server_.stopping_) return close();
    idle_ = true;
    have_head_ = false;
    bytes_in_ = 0;
    incoming_.reset();
    spool_parser_.reset();
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(server_.options_.header_limit));
    // The route's limit is applied once the head is known; until then Beast must not judge the
    // Content-Length against its own default.
    parser_->body_limit(boost::none);
    start_read_timer(server_.options_.header_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::on_header, shared_from_this()));
  }

  void start_read_timer(std::chrono::milliseconds timeout) {
    deadline_.start(timeout, shared_from_this());
  }

  void on_header(beast::error_code ec, std::size_t) {
    idle_ = false;
    deadline_.stop();
    if (ec) return on_read_error(ec);
    started_ = std::chrono::steady_clock::now();
    auto& request = parser_->get();
    have_head_ = true;
    head_method_ = request.method();
    head_target_ = std::string(request.target());
    if (unsupported_transfer_coding(request)) {
      return fail(ApiError(ErrorKind::kBadRequest,
                           "Transfer-Encoding must be chunked when it is sent (RFC 9112 6.1)"));
    }
    incoming_ = incoming_of(request);
    const bool has_body =
        parser_->chunked() || (parser_->content_length() && *parser_->content_length() > 0);
    policy_ = server_.dispatcher_.route(*incoming_, has_body);
    body_limit_ = policy_.limit;
    if (parser_->content_length() && *parser_->content_length() > policy_.limit)
      return fail(too_large(policy_.limit));
    // A route that needs a caller reads no body, spools nothing and promises no 100 Continue
    // before the head has said who is calling (docs/security.md, "Authentication before the
    // body"). A token the cache knows costs nothing here; anything else is checked on a worker.
    if (!policy_.authenticate_first || server_.dispatcher_.head_caller_from_cache(*incoming_))
      return read_body_of_head();
    net::post(server_.workers_, [self = shared_from_this()] {
      auto refusal = self->server_.dispatcher_.authenticate_head(*self->incoming_);
      net::post(self->stream_.get_executor(), [self, refusal = std::move(refusal)]() mutable {
        if (refusal) return self->fail_with(std::move(*refusal));
        self->read_body_of_head();
      });
    });
  }

  // The head is accepted: reserve the spool space an upload needs, answer 100 Continue if the
  // client waits for it, then read the body.
  void read_body_of_head() {
    auto& request = parser_->get();
    const bool expects_continue =
        beast::iequals(request[http::field::expect], "100-continue") && !parser_->is_done();
    if (policy_.spool) {
      if (!reserve_spool(parser_->content_length().value_or(0))) return fail(spool_full());
      // No body byte has been parsed yet, so the head moves to a parser that spools the body.
      spool_parser_.emplace(std::move(*parser_));
      parser_.reset();
      spool_parser_->get().body().dir = server_.options_.spool_dir;
      spool_parser_->body_limit(policy_.limit);
      spool_parser_->eager(true);
    } else {
      parser_->body_limit(policy_.limit);
    }
    body_started_ = std::chrono::steady_clock::now();
    body_received_ = 0;
    start_read_timer(body_deadline_after(server_.options_.body_timeout));
    if (expects_continue) {
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

  // A body's deadline: the idle timeout, and for a spooled one the minimum rate too.
  std::chrono::milliseconds body_deadline_after(std::chrono::milliseconds idle) const {
    if (!spool_parser_) return idle;
    return body_deadline(body_started_, body_received_, server_.options_.min_body_rate,
                         std::min(kBodyRateGrace, server_.options_.body_timeout), idle,
                         std::chrono::steady_clock::now());
  }

  // Spool space for this request from this address: all of an announced Content-Length at once,
  // a chunked body's pieces as they arrive.
  bool reserve_spool(std::uint64_t bytes) {
    if (bytes == 0) return true;
    // Keyed by the client behind a trusted proxy (the head is known by now), so one client's
    // uploads do not use up the room of everyone behind the same proxy.
    if (spool_reserved_ == 0) spool_client_ = incoming_ ? incoming_->client_address : client_;
    if (!server_.limits_.reserve_spool(spool_client_, bytes)) return false;
    spool_reserved_ += bytes;
    return true;
  }

  void release_spool() {
    if (spool_reserved_ == 0) return;
    server_.limits_.release_spool(spool_client_, spool_reserved_);
    spool_reserved_ = 0;
  }

  static ApiError spool_full() {
    ApiError error(ErrorKind::kTooManyRequests,
                   "Too many uploads are in progress from this address; try again shortly");
    error.with_header("Retry-After", "5");
    return error;
  }

  void read_body() {
    if (spool_parser_) return read_spooled_some();
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_body, shared_from_this()));
  }

  void on_body(beast::error_code ec, std::size_t) {
    deadline_.stop();
    if (ec == http::error::body_limit) return fail(too_large(body_limit_));
    if (ec) return on_read_error(ec);
    auto request = parser_->release();
    keep_alive_ = request.keep_alive();
    incoming_->body = std::move(request.body());
    bytes_in_ = incoming_->body.size();
    dispatch(std::move(incoming_));
  }

  // A spooled body is read piece by piece (kSpoolReadSize at a time, fed to the parser here rather
  // than through Beast's read_some), and body_timeout runs from the last piece: an idle timeout, so
  // a large upload is not cut off while it makes progress. The timer started with the head keeps
  // running; each piece only moves its deadline.
  void read_spooled_some() {
    beast::error_code ec;
    while (buffer_.size() > 0 && !spool_parser_->is_done()) {
      const std::size_t used = spool_parser_->put(buffer_.data(), ec);
      buffer_.consume(used);
      if (ec == http::error::need_more) {
        ec = {};
        break;
      }
      if (ec) return on_spool_error(ec);
      if (used == 0) break;
    }
    if (spool_parser_->is_done()) return on_spooled();
    stream_.socket().async_read_some(
        buffer_.prepare(kSpoolReadSize),
        [self = shared_from_this()](beast::error_code ec, std::size_t n) {
          self->on_spool_read(ec, n);
        });
  }

  void on_spool_read(beast::error_code ec, std::size_t n) {
    buffer_.commit(n);
    if (ec == net::error::eof) {
      if (spool_parser_->got_some()) {
        spool_parser_->put_eof(ec);
      } else {
        ec = http::error::end_of_stream;
      }
    }
    if (ec) return on_spool_error(ec);
    body_received_ += n;
    if (!spool_parser_->content_length() && !reserve_spool(n)) {
      deadline_.stop();
      return fail(spool_full());
    }
    deadline_.extend(body_deadline_after(server_.options_.body_timeout));
    read_spooled_some();
  }

  void on_spool_error(beast::error_code ec) {
    deadline_.stop();
    buffer_.shrink_to_fit();
    const std::string& error = spool_parser_->get().body().error;
    if (!error.empty()) {
      spdlog::error("cannot spool a request body into {}: {}", server_.options_.spool_dir.string(),
                    error);
      if (ec == boost::system::errc::no_space_on_device)
        return fail(ApiError(ErrorKind::kInsufficientStorage,
                             "The server has no room to store the upload"));
      return fail(ApiError(ErrorKind::kInternal, "The server failed to store the upload"));
    }
    if (ec == http::error::body_limit) return fail(too_large(body_limit_));
    on_read_error(ec);
  }

  void on_spooled() {
    deadline_.stop();
    buffer_.shrink_to_fit();  // the next request needs no room for another upload's pieces
    auto request = spool_parser_->release();
    spool_parser_.reset();
    keep_alive_ = request.keep_alive();
    bytes_in_ = body_received_;
    if (!request.body().file.empty()) incoming_->spooled_body = std::move(request.body().file);
    dispatch(std::move(incoming_));
  }

  template <class Body>
  std::shared_ptr<IncomingRequest> incoming_of(const http::request<Body>& request) const {
    auto incoming = std::make_shared<IncomingRequest>();
    incoming->method = request.method();
    incoming->target = std::string(request.target());
    for (const auto& field : request) {
      const auto name = field.name_string();
      incoming->headers.emplace_back(ascii::to_lower(std::string_view(name.data(), name.size())),
                                     std::string(field.value()));
    }
    // Every X-Forwarded-For header counts, joined as one list (RFC 9110 5.3).
    std::string forwarded_for;
    for (auto [it, end] = request.equal_range("X-Forwarded-For"); it != end; ++it) {
      if (!forwarded_for.empty()) forwarded_for += ',';
      forwarded_for.append(it->value().data(), it->value().size());
    }
    ClientOrigin origin = client_origin_of(client_, forwarded_for, request["X-Forwarded-Proto"],
                                           server_.options_.trusted_proxies);
    incoming->client_address = std::move(origin.address);
    incoming->forwarded_https = origin.https;
    incoming->id = request_id_of(request["X-Request-Id"]);
    return incoming;
  }

  // Handlers may block on the store; they never run on an I/O thread. A download's file is opened
  // there too, so a slow disk never stalls the I/O thread on open().
  // A repeated read the response cache holds is answered here, on the I/O thread: an in-memory
  // lookup, no store work.
  void dispatch(std::shared_ptr<IncomingRequest> incoming) {
    if (auto cached = server_.dispatcher_.cached_answer(*incoming))
      return write(*incoming, std::move(*cached), {});
    net::post(server_.workers_, [self = shared_from_this(), incoming] {
      auto response =
          std::make_shared<OutgoingResponse>(self->server_.dispatcher_.handle(*incoming));
      auto file = std::make_shared<FileSliceBody::value_type>();
      if (response->file) open_slice(*response, *file);
      net::post(self->stream_.get_executor(), [self, incoming, response, file] {
        self->release_spool();  // the handler adopted or deleted the spooled body
        self->write(*incoming, std::move(*response), std::move(*file));
      });
    });
  }

  // A file a handler named but that cannot be read (or is shorter than promised) is our defect:
  // answer 500 before any byte of it is promised.
  static void open_slice(OutgoingResponse& response, FileSliceBody::value_type& body) {
    const FileSlice& slice = *response.file;
    try {
      file_io::UniqueFd fd = file_io::open_for_reading(slice.path);
      struct stat st {};
      if (::fstat(fd.get(), &st) != 0) file_io::throw_errno("cannot stat", slice.path);
      if (static_cast<std::uint64_t>(st.st_size) < slice.offset + slice.length)
        throw std::runtime_error(slice.path.string() + " is shorter than its recorded size");
      body.reset(fd.release(), slice.path, slice.offset, slice.length);
    } catch (const std::exception& e) {
      spdlog::error("cannot send a file: {}", e.what());
      const std::string user_id = std::move(response.user_id);
      response = Dispatcher::error_response(
          ApiError(ErrorKind::kInternal, "The server failed to read the file"), Format::kJson);
      response.user_id = user_id;
    }
  }

  void on_read_error(beast::error_code ec) {
    // After the deadline a read ends aborted or, once the receive side is shut, at end of stream.
    if (deadline_.expired()) ec = beast::error::timeout;
    if (ec == http::error::end_of_stream || ec == net::error::eof ||
        ec == net::error::operation_aborted || ec == net::error::connection_reset)
      return close();
    if (ec == beast::error::timeout) {
      // A connection that sent nothing is just idle; one that started a request is too slow. Bytes
      // the kernel holds but the loop had not read when the deadline fired (a loaded machine runs
      // the timer before the read) are a started request too: without this check such a client
      // was closed without its 408 (the flaky SlowClients test, issue 14).
      beast::error_code ignored;
      const bool sent_nothing = !have_head_ && buffer_.size() == 0 &&
                                !(parser_ && parser_->got_some()) &&
                                stream_.socket().available(ignored) == 0;
      if (sent_nothing) return close();
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

  // Answers a protocol-level error and closes: the rest of the stream cannot be trusted. A body
  // spooled so far is deleted now.
  void fail(const ApiError& error) { fail_with(Dispatcher::error_response(error, Format::kJson)); }

  void fail_with(OutgoingResponse response) {
    keep_alive_ = false;
    // The client may still be sending (a body, the rest of a slow head, its request on a refused
    // connection): closing with unread bytes would reset the connection and can destroy the
    // answer before the client reads it.
    linger_ = true;
    spool_parser_.reset();
    release_spool();
    IncomingRequest request;
    request.method = have_head_ ? head_method_ : http::verb::unknown;
    if (have_head_) request.target = head_target_;
    if (incoming_) {
      request.id = incoming_->id;
      request.client_address = incoming_->client_address;
    }
    write(request, std::move(response), {});
  }

  void write(const IncomingRequest& request, OutgoingResponse response,
             FileSliceBody::value_type file) {
    // A HEAD answer carries the headers of the GET answer and no body (RFC 9110 §9.3.2).
    const bool head_only = request.method == http::verb::head;
    const bool no_body = head_only || response.status == 304;
    const RequestLogLine line{
        request.method,
        request.target,
        response.status,
        std::chrono::steady_clock::now() - started_,
        request.client_address.empty() ? std::string_view(client_) : request.client_address,
        response.user_id,
        request.id,
        bytes_in_,
        no_body ? 0 : (response.file ? response.file->length : response.body.size()),
        response.route};
    log_request(line);
    record_request_metrics(line);
    if (!request.id.empty()) response.headers.emplace_back("X-Request-Id", request.id);
    const bool keep = keep_alive_ && !server_.stopping_;
    if (response.file) {
      auto out = std::make_shared<http::response<FileSliceBody>>(
          static_cast<http::status>(response.status), 11);
      out->body() = std::move(file);
      send(std::move(out), response, keep, head_only);
      return;
    }
    auto out = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(response.status), 11);
    out->body() = std::move(response.body);
    send(std::move(out), response, keep, head_only);
  }

  template <class Body>
  void send(std::shared_ptr<http::response<Body>> out, const OutgoingResponse& response, bool keep,
            bool head_only) {
    for (const auto& [name, value] : response.headers)
      out->insert(name, value);
    out->set(http::field::server, "projectd");
    out->keep_alive(keep);
    // A 304 has no body and must not claim a Content-Length other than the 200's.
    if (out->result() != http::status::not_modified) out->prepare_payload();
    auto serializer = std::make_shared<http::response_serializer<Body>>(*out);
    write_some(std::move(out), std::move(serializer), keep, head_only);
  }

  // Written piece by piece with body_timeout restarted each time: a download is cut off when the
  // client stops reading, not because it is large.
  template <class Body>
  void write_some(std::shared_ptr<http::response<Body>> out,
                  std::shared_ptr<http::response_serializer<Body>> serializer, bool keep,
                  bool head_only) {
    stream_.expires_after(server_.options_.body_timeout);
    auto next = [self = shared_from_this(), out, serializer, keep, head_only](beast::error_code ec,
                                                                              std::size_t) {
      if (ec) return self->close();
      const bool done = head_only ? serializer->is_header_done() : serializer->is_done();
      if (!done) return self->write_some(out, serializer, keep, head_only);
      if (!keep) return self->linger_ ? linger_then_close(self->stream_, self) : self->close();
      self->read_header();
    };
    if (head_only) {
      http::async_write_header(stream_, *serializer, std::move(next));
    } else {
      http::async_write_some(stream_, *serializer, std::move(next));
    }
  }

  void close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  HttpServer::Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  // The head is read with parser_; a route that streams its body continues with spool_parser_.
  std::optional<http::request_parser<http::string_body>> parser_;
  std::optional<http::request_parser<SpoolBody>> spool_parser_;
  // The request being read, from its head on: routed once, maybe authenticated before its body.
  std::shared_ptr<IncomingRequest> incoming_;
  BodyPolicy policy_;
  std::chrono::steady_clock::time_point body_started_;
  std::uint64_t body_received_ = 0;
  std::uint64_t spool_reserved_ = 0;
  std::string spool_client_;    // the address spool_reserved_ is counted for
  std::uint64_t bytes_in_ = 0;  // the current request's body, for its log line
  bool have_head_ = false;
  http::verb head_method_ = http::verb::unknown;
  std::string head_target_;
  std::size_t body_limit_ = kApiBodyLimit;
  std::string client_;
  bool counted_;
  ReadDeadline deadline_;
  bool keep_alive_ = true;
  bool linger_ = false;  // close with linger_then_close()
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
  auto session = std::make_shared<Session>(*this, std::move(socket), std::move(address), admitted);
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
