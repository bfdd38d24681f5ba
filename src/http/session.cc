#include "http/session.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "blob/file_io.h"
#include "http/client_address.h"
#include "http/file_slice_body.h"
#include "http/lingering_close.h"
#include "http/read_deadline.h"
#include "http/request_id.h"
#include "http/request_log.h"
#include "http/request_metrics.h"
#include "http/server_impl.h"
#include "http/spool_body.h"

#include <spdlog/spdlog.h>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <optional>
#include <type_traits>

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

// How long a closing TLS connection waits for its close_notify to be sent (and the peer's to
// arrive) before the socket is closed anyway.
constexpr std::chrono::seconds kTlsShutdownTime{2};

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

// RFC 9112 §6.1: a request body is delimited by `chunked` or by Content-Length, nothing else.
bool unsupported_transfer_coding(const boost::beast::http::fields& head) {
  const std::size_t count = head.count(boost::beast::http::field::transfer_encoding);
  if (count == 0) return false;
  return count > 1 ||
         !ascii::iequals(ascii::trim(head[boost::beast::http::field::transfer_encoding]),
                         "chunked");
}

// One connection, on a plain TCP stream or on TLS over one (Stream: beast::tcp_stream or
// TlsStream); the two differ only where `kTls` is tested. All of its handlers run on its strand;
// the request handler runs on the worker pool and posts its answer back to the strand.
template <class Stream>
class HttpSession final : public Session, public std::enable_shared_from_this<HttpSession<Stream>> {
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

 public:
  // `counted`: the connection was admitted (ConnectionLimits::admit) and is released when it ends.
  HttpSession(HttpServer::Impl& server, tcp::socket socket, std::string client,
              bool counted) requires(!kTls)
      : server_(server),
        stream_(std::move(socket)),
        client_(std::move(client)),
        counted_(counted),
        deadline_(lowest()) {}

  // `tls`: the certificate current when the connection was accepted; a reload does not change it.
  HttpSession(HttpServer::Impl& server, tcp::socket socket, std::shared_ptr<net::ssl::context> tls,
              std::string client, bool counted) requires(kTls)
      : server_(server),
        tls_(std::move(tls)),
        stream_(std::move(socket), *tls_),
        client_(std::move(client)),
        counted_(counted),
        deadline_(lowest()) {}

  void start() override {
    net::dispatch(stream_.get_executor(), [self = this->shared_from_this()] {
      self->after_handshake([self] { self->read_header(); });
    });
  }

  // A connection over a cap: answered with `error` at once and closed, its request never read.
  void refuse(ApiError error) override {
    net::dispatch(stream_.get_executor(),
                  [self = this->shared_from_this(), error = std::move(error)]() mutable {
                    self->after_handshake([self, error = std::move(error)] { self->fail(error); });
                  });
  }

  // Called on shutdown: an idle connection closes now, a busy one after its answer.
  void shutdown() override {
    net::post(stream_.get_executor(), [self = this->shared_from_this()] {
      if (!self->idle_) return;
      // A TLS connection sends its close_notify once the pending read has ended (close() must
      // not write while OpenSSL is inside a read); the read ends aborted and closes.
      if constexpr (kTls) {
        beast::error_code ignored;
        self->lowest().socket().cancel(ignored);
      } else {
        self->close();
      }
    });
  }

  ~HttpSession() override {
    release_spool();
    server_.session_ended(this, client_, counted_);
  }

 private:
  beast::tcp_stream& lowest() { return beast::get_lowest_layer(stream_); }

  // Runs `next` once the connection can carry HTTP: at once on plain TCP; after the TLS handshake,
  // which must end within the header timeout, on TLS. A failed handshake (a plain-HTTP client, a
  // scanner, a client that distrusts the certificate) is only logged at debug: it is the client's.
  template <class Next>
  void after_handshake(Next next) {
    if constexpr (kTls) {
      lowest().expires_after(server_.options_.header_timeout);
      stream_.async_handshake(
          net::ssl::stream_base::server,
          [self = this->shared_from_this(), next = std::move(next)](beast::error_code ec) mutable {
            if (ec) {
              spdlog::debug("TLS handshake with {} failed: {}", self->client_, ec.message());
              return self->lowest().close();
            }
            self->handshake_done_ = true;
            self->lowest().expires_never();
            next();
          });
    } else {
      next();
    }
  }

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
    http::async_read_header(
        stream_, buffer_, *parser_,
        beast::bind_front_handler(&HttpSession::on_header, this->shared_from_this()));
  }

  void start_read_timer(std::chrono::milliseconds timeout) {
    deadline_.start(timeout, this->shared_from_this());
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
    server_.workers_.post([self = this->shared_from_this()] {
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
                        [self = this->shared_from_this(), cont](beast::error_code ec, std::size_t) {
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
                     beast::bind_front_handler(&HttpSession::on_body, this->shared_from_this()));
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
    // Straight from the socket on plain TCP (no timer of tcp_stream's to re-arm per piece); TLS
    // must decrypt.
    auto& source = [this]() -> auto& {
      if constexpr (kTls) {
        return stream_;
      } else {
        return lowest().socket();
      }
    }
    ();
    source.async_read_some(buffer_.prepare(kSpoolReadSize),
                           [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
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
    incoming->tls = kTls;
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
    server_.workers_.post([self = this->shared_from_this(), incoming] {
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
        ec == net::error::operation_aborted || ec == net::error::connection_reset ||
        ec == net::ssl::error::stream_truncated)
      return close();
    if (ec == beast::error::timeout) {
      // A connection that sent nothing is just idle; one that started a request is too slow. Bytes
      // the kernel holds but the loop had not read when the deadline fired (a loaded machine runs
      // the timer before the read) are a started request too: without this check such a client
      // was closed without its 408 (the flaky SlowClients test, issue 14).
      beast::error_code ignored;
      const bool sent_nothing = !have_head_ && buffer_.size() == 0 &&
                                !(parser_ && parser_->got_some()) &&
                                lowest().socket().available(ignored) == 0;
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
    lowest().expires_after(server_.options_.body_timeout);
    auto next = [self = this->shared_from_this(), out, serializer, keep, head_only](
                    beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      const bool done = head_only ? serializer->is_header_done() : serializer->is_done();
      if (!done) return self->write_some(out, serializer, keep, head_only);
      if (!keep) return self->linger_ ? linger_then_close(self->lowest(), self) : self->close();
      self->read_header();
    };
    if (head_only) {
      http::async_write_header(stream_, *serializer, std::move(next));
    } else {
      http::async_write_some(stream_, *serializer, std::move(next));
    }
  }

  // TLS ends with close_notify (within kTlsShutdownTime) before the socket closes, so a client
  // can tell the end of the connection from a truncation.
  void close() {
    if constexpr (kTls) {
      if (handshake_done_ && !closing_) {
        closing_ = true;
        lowest().expires_after(kTlsShutdownTime);
        stream_.async_shutdown(
            [self = this->shared_from_this()](beast::error_code) { self->close_socket(); });
        return;
      }
    }
    close_socket();
  }

  void close_socket() {
    beast::error_code ec;
    lowest().socket().shutdown(tcp::socket::shutdown_send, ec);
    lowest().close();
  }

  HttpServer::Impl& server_;
  std::shared_ptr<net::ssl::context> tls_;  // TLS: kept alive as long as the stream using it
  Stream stream_;
  bool handshake_done_ = false;
  bool closing_ = false;  // TLS: the close_notify is on its way
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

}  // namespace

std::shared_ptr<Session> make_session(HttpServer::Impl& server, tcp::socket socket,
                                      std::string client, bool counted) {
  return std::make_shared<HttpSession<beast::tcp_stream>>(server, std::move(socket),
                                                          std::move(client), counted);
}

std::shared_ptr<Session> make_tls_session(HttpServer::Impl& server, tcp::socket socket,
                                          std::shared_ptr<net::ssl::context> tls,
                                          std::string client, bool counted) {
  return std::make_shared<HttpSession<TlsStream>>(server, std::move(socket), std::move(tls),
                                                  std::move(client), counted);
}

}  // namespace projectd
