// Turns one complete request into one response: routing, format choice, parameter binding,
// authentication, the handler call, and the single place where errors become envelopes.
// Knows nothing of sockets, so it is unit-testable and the server stays thin.
// Thread safety: handle() may run on many worker threads at once.
#pragma once

#include "base/errors.h"
#include "domain/authenticator.h"
#include "http/handler.h"
#include "http/router.h"

#include <boost/beast/http/verb.hpp>

#include <filesystem>
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
  std::string client_address;
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
};

struct OutgoingResponse {
  int status = 200;
  HeaderList headers;  // Content-Type included
  std::string body;
  std::optional<FileSlice> file;  // when set, the body is this slice of a file (body is empty)
  std::string user_id;            // for the request log; empty when anonymous
};

class ResponseCache;

struct DispatchOptions {
  std::string public_url;  // empty: http://<Host>
  // Answers of the routes with caches_response are kept here; null: none are.
  ResponseCache* response_cache = nullptr;
};

class Dispatcher {
 public:
  Dispatcher(const RouteTable& table, Authenticator& authenticator, DispatchOptions options);

  OutgoingResponse handle(IncomingRequest& request) const;
  // The answer handle() would give, when the response cache holds it for this caller and the
  // caller is known without the store; nullopt otherwise. Never touches the store and never
  // throws, so the server asks on its I/O thread before handing the request to a worker.
  std::optional<OutgoingResponse> cached_answer(const IncomingRequest& request) const;
  // The largest body the route of this request accepts (the API default for unknown routes), so
  // the server can refuse an oversized body before reading it, and whether to spool it.
  BodyPolicy body_policy_for(boost::beast::http::verb method, std::string_view target) const;

  // The envelope answer for an error raised outside handle() (limits, timeouts in the server).
  static OutgoingResponse error_response(const ApiError& error, Format format);

 private:
  OutgoingResponse handle_or_throw(IncomingRequest& request, RequestContext& context) const;
  std::string base_url_of(const IncomingRequest& request) const;

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
