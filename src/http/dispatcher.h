// Turns one complete request into one response: routing, format choice, parameter binding,
// authentication, the handler call, and the single place where errors become envelopes.
// Knows nothing of sockets, so it is unit-testable and the server stays thin.
// Thread safety: handle() may run on many worker threads at once.
#pragma once

#include "base/errors.h"
#include "domain/authenticator.h"
#include "http/handler.h"
#include "http/routed_request.h"
#include "http/router.h"

#include <boost/beast/http/verb.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace projectd {

struct IncomingRequest {
  boost::beast::http::verb method;
  std::string target;  // as sent: path and query
  HeaderList headers;  // lowercase names
  std::string body;    // empty when the body was spooled
  // Routes with streams_body: the whole body as received, in the spool directory. The files of
  // its multipart parts are written beside it (the dispatcher needs no spool directory of its
  // own); handle() deletes it in every case.
  std::optional<SpooledFile> spooled_body;
  std::string client_address;    // behind a trusted proxy, the client it names (client_address.h)
  bool forwarded_https = false;  // a trusted proxy said X-Forwarded-Proto: https
  bool tls = false;              // arrived over projectd's own TLS listener
  std::string id;  // http/request_id.h; in the log lines of this request and X-Request-Id
  // The route, matched once from the head (Dispatcher::route); handle() routes a request that was
  // not routed yet.
  std::optional<RoutedRequest> routed;
  // Set when the caller was authenticated from the head, before the body was read.
  std::optional<Caller> caller;
  // DispatchOptions::catch_up ran for this request: its caches are current.
  bool caches_current = false;
};

// Part of a file to send (a FileResponse after Range was applied).
struct FileSlice {
  std::filesystem::path path;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

// How the server must read a request's body, known once its head is in.
struct BodyPolicy {
  std::size_t limit = kApiBodyLimit;
  bool spool = false;  // stream it to a file in the spool directory
  // The route needs a signed-in caller and the request has a body: authenticate the head
  // (authenticate_head) before any of the body is read, spooled or answered 100 Continue.
  bool authenticate_first = false;
};

struct OutgoingResponse {
  int status = 200;
  HeaderList headers;  // Content-Type included
  std::string body;
  std::optional<FileSlice> file;  // when set, the body is this slice of a file (body is empty)
  std::string user_id;            // for the request log; empty when anonymous
  // The matched route's pattern, for the request metrics (http/request_metrics.h); it points into
  // the route table, which outlives the server. Empty when no route matched.
  std::string_view route;
};

class ResponseCache;

struct DispatchOptions {
  std::string public_url;  // empty: http://<Host>
  // Answers of the routes with caches_response are kept here; null: none are.
  ResponseCache* response_cache = nullptr;
  // Set when the caches (this one and the authenticator's) see other processes' writes only once
  // this ran (Store::catch_up(); PostgreSQL nodes): it may block, so the caches are then consulted
  // only on a worker, after it, never on the I/O thread.
  std::function<void()> catch_up;
};

class Dispatcher {
 public:
  Dispatcher(const RouteTable& table, Authenticator& authenticator, DispatchOptions options);

  // Matches the request's head once (sets request.routed) and says how to read its body.
  // `has_body`: the head announces a body (a Content-Length above 0, or chunked). Never throws;
  // never touches the store, so the server calls it on its I/O thread.
  BodyPolicy route(IncomingRequest& request, bool has_body) const;
  // For BodyPolicy::authenticate_first, from the head's credentials (query, cookie,
  // Authorization; never the body): sets request.caller and answers nullopt, or answers the
  // refusal (401, 429) to send instead of reading the body. May read the store and hash a
  // password: run it on a worker. head_caller_from_cache is the same without the store, for the
  // I/O thread: true when it set request.caller.
  std::optional<OutgoingResponse> authenticate_head(IncomingRequest& request) const;
  bool head_caller_from_cache(IncomingRequest& request) const;

  // Everything else: bind, authenticate (unless the head was), invoke, render. Errors become
  // envelopes here; a 5xx is logged with its detail and answered with a generic message.
  OutgoingResponse handle(IncomingRequest& request) const;
  // The answer handle() would give, when the response cache holds it for this caller and the
  // caller is known without the store; nullopt otherwise. Never touches the store and never
  // throws, so the server asks on its I/O thread before handing the request to a worker. A caller
  // it found is kept in request.caller, for handle() on a miss. Always nullopt with
  // DispatchOptions::catch_up: handle() asks the cache itself after catching up.
  std::optional<OutgoingResponse> cached_answer(IncomingRequest& request) const;
  // The envelope answer for an error raised outside handle() (limits, timeouts in the server).
  static OutgoingResponse error_response(const ApiError& error, Format format);

 private:
  // cached_answer() without the I/O thread's condition.
  std::optional<OutgoingResponse> answer_from_cache(IncomingRequest& request) const;
  // Runs DispatchOptions::catch_up once per request, if it is set; throws what it throws.
  void catch_up(IncomingRequest& request) const;
  // The steps of handle(), in order; each throws ApiError for the client's mistakes.
  const Route& bind(IncomingRequest& request, RequestContext& context) const;
  void authenticate(const Route& route, IncomingRequest& request, RequestContext& context) const;
  OutgoingResponse invoke_and_render(const Route& route, IncomingRequest& request,
                                     RequestContext& context) const;
  std::string base_url_of(const IncomingRequest& request) const;
  // Throws 403 for a cookie-signed change from another site (http/same_origin.h).
  void refuse_cross_site(const IncomingRequest& request) const;

  Router router_;  // points into the table, which must outlive the dispatcher
  Authenticator& authenticator_;
  DispatchOptions options_;
};

// Adds the body's parameters to `params`, read by the request's Content-Type (JSON, XML, multipart
// form fields, urlencoded). Throws ApiError(kBadRequest) for a body that does not parse. Public so
// the fuzz targets bind exactly as handle() does.
void add_body_params(Params& params, const IncomingRequest& request);

// The lowercase value of a header, or empty.
std::string_view header_value(const HeaderList& headers, std::string_view lowercase_name);

}  // namespace projectd
