#include "http/dispatcher.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "base/metrics.h"
#include "http/credentials.h"
#include "http/download_headers.h"
#include "http/multipart.h"
#include "http/response_cache.h"
#include "http/same_origin.h"
#include "http/spooled_uploads.h"

#include <spdlog/spdlog.h>
#include <boost/url/parse.hpp>

namespace projectd {

namespace http = boost::beast::http;

namespace {

// The media type of a Content-Type header without its parameters, lowercase.
std::string media_type(std::string_view content_type) {
  return ascii::to_lower(ascii::trim(content_type.substr(0, content_type.find(';'))));
}

std::string allow_header(const std::vector<http::verb>& methods) {
  std::string out;
  for (http::verb m : methods) {
    if (!out.empty()) out += ", ";
    out += std::string(http::to_string(m));
  }
  return out;
}

OutgoingResponse envelope_response(int status, const PayloadWriter& write_envelope, Format format) {
  OutgoingResponse out;
  out.status = status;
  out.headers.emplace_back("Content-Type", std::string(content_type_of(format)));
  out.headers.emplace_back("Cache-Control", "no-store");
  out.body = render_written(write_envelope, format);
  return out;
}

OutgoingResponse envelope_response(int status, const boost::json::value& envelope, Format format) {
  return envelope_response(
      status, [&](ApiWriter& writer) { writer.value(envelope); }, format);
}

// A script's call (X-Requested-With, as the web app and jQuery send it) gets no WWW-Authenticate:
// with it, a browser would open its own password prompt over the page (docs/web-app.md).
ApiError unauthorized(bool had_credentials, const HeaderList& headers) {
  ApiError error(ErrorKind::kUnauthorized, had_credentials
                                               ? "The credentials are invalid or have expired"
                                               : "Authentication is required: send a token in the "
                                                 "Authorization header");
  if (!ascii::iequals(header_value(headers, "x-requested-with"), "XMLHttpRequest"))
    error.with_header("WWW-Authenticate", "Basic realm=\"projectd\", Bearer realm=\"projectd\"");
  return error;
}

// The answer to a server-side failure never carries its detail (a library's message, SQL, a
// path): that goes to the log, with the request it failed (docs/architecture.md, "Errors").
ApiError internal_error() {
  return ApiError(ErrorKind::kInternal, "The server failed to process the request");
}

void log_server_error(const IncomingRequest& request, std::string_view detail) {
  spdlog::error("{} {} from {} failed (request {}): {}", http::to_string(request.method),
                request.routed ? request.routed->path : std::string("(unrouted)"),
                request.client_address, request.id.empty() ? "-" : request.id, detail);
}

// A download: validators, conditional requests and ranges are decided in download_headers; the
// server streams the slice from disk.
OutgoingResponse file_response(const FileResponse& file, http::verb method,
                               const RequestContext& context) {
  DownloadAnswer answer = answer_download(file, method, context.headers);
  OutgoingResponse out;
  if (answer.status == 416) {
    out = envelope_response(416, error_envelope(416, "The requested range is not satisfiable", {}),
                            context.format);
  }
  out.status = answer.status;
  for (auto& header : answer.headers)
    out.headers.push_back(std::move(header));
  if (answer.slice) out.file = FileSlice{file.path, answer.slice->offset, answer.slice->length};
  return out;
}

}  // namespace

// An empty body is no body whatever its type (docs/wire-compatibility.md, "Unknown parameters"); a
// type we do not read is ignored rather than refused, as the original does.
void add_body_params(Params& params, const IncomingRequest& request) {
  if (ascii::trim(request.body).empty()) return;
  const std::string_view content_type = header_value(request.headers, "content-type");
  const std::string type = media_type(content_type);
  if (type == "application/json" || type == "text/json" ||
      (type.size() > 5 && type.ends_with("+json"))) {
    add_json_params(params, request.body);
  } else if (type == "text/xml" || type == "application/xml") {
    add_xml_params(params, request.body);
  } else if (type == "multipart/form-data") {
    const auto boundary = multipart_boundary(content_type);
    if (!boundary) throw_bad_request("The multipart body has no valid boundary");
    add_multipart_fields(params, request.body, *boundary);
  } else if (type.empty() || type == "application/x-www-form-urlencoded") {
    add_urlencoded_params(params, request.body, ParamSource::kBody);
  }
}

std::string_view header_value(const HeaderList& headers, std::string_view lowercase_name) {
  for (const auto& [name, value] : headers)
    if (name == lowercase_name) return value;
  return {};
}

Dispatcher::Dispatcher(const RouteTable& table, Authenticator& authenticator,
                       DispatchOptions options)
    : router_(table), authenticator_(authenticator), options_(std::move(options)) {}

namespace {

bool is_form(const HeaderList& headers) {
  return media_type(header_value(headers, "content-type")) == "application/x-www-form-urlencoded";
}

// The credentials of the head: the query's asc_auth_key, the cookie, the Authorization header.
std::vector<Credential> head_credentials(const IncomingRequest& request) {
  Params query;
  if (request.routed) add_urlencoded_params(query, request.routed->query, ParamSource::kQuery);
  return extract_credentials(query, header_value(request.headers, "authorization"),
                             header_value(request.headers, "cookie"));
}

// The format an error about this request is written in: the suffix, else Accept.
Format format_of(const IncomingRequest& request) {
  if (request.routed && request.routed->match.suffix_format)
    return *request.routed->match.suffix_format;
  if (request.routed)
    if (const auto suffix = format_of_suffix(request.routed->path)) return *suffix;
  return format_of_accept(header_value(request.headers, "accept"));
}

}  // namespace

BodyPolicy Dispatcher::route(IncomingRequest& request, bool has_body) const {
  try {
    request.routed = route_request(router_, request.method, request.target);
  } catch (const ApiError&) {
    return BodyPolicy{};  // handle() answers the bad target
  }
  const Route* route = request.routed->match.route;
  if (!route) return BodyPolicy{};
  BodyPolicy policy{route->body_limit, route->streams_body, false};
  // A form body may carry the token as its asc_auth_key field (docs/wire-compatibility.md): such a
  // request is read within the route's limit, and authenticated before the body is bound. An
  // upload's credentials never come from its body.
  policy.authenticate_first =
      route->requires_auth && has_body &&
      (route->streams_body || !is_form(request.headers) || !head_credentials(request).empty());
  return policy;
}

bool Dispatcher::head_caller_from_cache(IncomingRequest& request) const {
  if (options_.catch_up) return false;  // authenticate_head catches up first
  try {
    request.caller = authenticator_.cached_caller(head_credentials(request));
  } catch (const std::exception&) {
    request.caller.reset();  // authenticate_head decides
  }
  return request.caller.has_value();
}

std::optional<OutgoingResponse> Dispatcher::authenticate_head(IncomingRequest& request) const {
  try {
    refuse_cross_site(request);
    catch_up(request);
    const auto credentials = head_credentials(request);
    request.caller = authenticator_.authenticate(credentials, request.client_address);
    if (!request.caller) throw unauthorized(!credentials.empty(), request.headers);
    return std::nullopt;
  } catch (const ApiError& error) {
    if (error.http_status() >= 500) log_server_error(request, error.what());
    return error_response(error, format_of(request));
  } catch (const std::exception& e) {
    log_server_error(request, e.what());
    return error_response(internal_error(), format_of(request));
  }
}

void Dispatcher::refuse_cross_site(const IncomingRequest& request) const {
  const std::string own = options_.public_url.empty()
                              ? ascii::to_lower(header_value(request.headers, "host"))
                              : authority_of(options_.public_url);
  if (is_cross_site_cookie_request(request.method, request.headers, own))
    throw ApiError(ErrorKind::kForbidden,
                   "A change signed in by the browser's cookie must come from this server's own "
                   "pages; this request came from another site");
}

std::string Dispatcher::base_url_of(const IncomingRequest& request) const {
  if (!options_.public_url.empty()) return options_.public_url;
  std::string_view host = header_value(request.headers, "host");
  if (host.empty()) host = "localhost";
  return (request.forwarded_https || request.tls ? "https://" : "http://") + std::string(host);
}

OutgoingResponse Dispatcher::error_response(const ApiError& error, Format format) {
  const int status = error.http_status();
  // An internal error's own text is for the log (log_server_error), never for the client.
  const bool internal = error.kind() == ErrorKind::kInternal;
  OutgoingResponse out =
      envelope_response(status,
                        error_envelope(status, internal ? internal_error().what() : error.what(),
                                       internal ? boost::json::value() : error.data()),
                        format);
  for (const auto& header : error.headers())
    out.headers.push_back(header);
  return out;
}

void Dispatcher::catch_up(IncomingRequest& request) const {
  if (!options_.catch_up || request.caches_current) return;
  options_.catch_up();
  request.caches_current = true;
}

std::optional<OutgoingResponse> Dispatcher::cached_answer(IncomingRequest& request) const {
  if (options_.catch_up) return std::nullopt;
  return answer_from_cache(request);
}

std::optional<OutgoingResponse> Dispatcher::answer_from_cache(IncomingRequest& request) const {
  ResponseCache* cache = options_.response_cache;
  // Only bodiless GETs are cached; their credentials come from the query, a cookie or the headers.
  if (!cache || !cache->enabled() || request.method != http::verb::get || !request.body.empty())
    return std::nullopt;
  try {
    auto target = boost::urls::parse_origin_form(request.target);
    if (!target) return std::nullopt;
    Params params;
    if (target->has_query())
      add_urlencoded_params(params, target->encoded_query(), ParamSource::kQuery);
    const auto caller = authenticator_.cached_caller(
        extract_credentials(params, header_value(request.headers, "authorization"),
                            header_value(request.headers, "cookie")));
    if (!caller) return std::nullopt;
    request.caller = caller;  // a miss goes to a worker, which need not look the token up again
    const auto answer = cache->find(ResponseCache::key_of(request, caller->user_id));
    if (!answer) return std::nullopt;
    server_metrics().response_cache_hits.add();
    OutgoingResponse out = *answer;
    out.user_id = caller->user_id;
    if (request.routed && request.routed->match.route)
      out.route = request.routed->match.route->pattern;
    return out;
  } catch (const std::exception&) {
    return std::nullopt;  // handle() will give the request its proper answer
  }
}

OutgoingResponse Dispatcher::handle(IncomingRequest& request) const {
  // A spooled body nobody took (an unknown route, an error before binding) is deleted on every
  // way out, as are the uploads in `context` that the handler did not adopt.
  struct DropSpool {
    IncomingRequest& request;
    ~DropSpool() { request.spooled_body.reset(); }
  } drop_spool{request};
  struct InFlight {
    InFlight() { server_metrics().http_requests_in_flight.add(1); }
    ~InFlight() { server_metrics().http_requests_in_flight.add(-1); }
  } in_flight;
  RequestContext context;
  context.method = request.method;
  context.client_address = request.client_address;
  context.format = format_of_accept(header_value(request.headers, "accept"));
  OutgoingResponse out;
  try {
    const Route& route = bind(request, context);
    // Only a route that reads the token cache or the response cache waits for the catch-up.
    if (options_.catch_up && (route.requires_auth || route.caches_response)) {
      catch_up(request);
      if (auto cached = answer_from_cache(request)) return std::move(*cached);
    }
    // Read before the caller and the data: an answer rendered while a write committed (a change
    // of the caller's rights included) is not kept.
    ResponseCache* cache = route.caches_response && request.method == http::verb::get &&
                                   request.body.empty() && options_.response_cache &&
                                   options_.response_cache->enabled()
                               ? options_.response_cache
                               : nullptr;
    const std::uint64_t stamp = cache ? cache->stamp() : 0;
    if (cache) server_metrics().response_cache_misses.add();
    authenticate(route, request, context);
    std::string cache_key;
    if (cache && context.caller)
      cache_key = ResponseCache::key_of(request, context.caller->user_id);
    out = invoke_and_render(route, request, context);
    if (!cache_key.empty())
      cache->insert(std::move(cache_key), out, stamp, std::move(context.depends_on),
                    context.fresh_until);
  } catch (const ApiError& error) {
    if (error.http_status() >= 500) log_server_error(request, error.what());
    out = error_response(error, context.format);
  } catch (const std::exception& e) {
    log_server_error(request, e.what());
    out = error_response(internal_error(), context.format);
  }
  if (context.caller) out.user_id = context.caller->user_id;
  if (request.routed && request.routed->match.route)
    out.route = request.routed->match.route->pattern;
  return out;
}

// The route, its path parameters and the query; the body waits until the caller is known.
const Route& Dispatcher::bind(IncomingRequest& request, RequestContext& context) const {
  if (!request.routed) request.routed = route_request(router_, request.method, request.target);
  const RoutedRequest& routed = *request.routed;
  context.path = routed.path;
  if (const auto suffix = format_of_suffix(context.path)) context.format = *suffix;
  const RouteMatch& match = routed.match;
  if (!match.route) {
    if (!match.allowed.empty()) {
      ApiError error(ErrorKind::kMethodNotAllowed,
                     "Method " + std::string(http::to_string(request.method)) +
                         " is not allowed here; allowed: " + allow_header(match.allowed));
      error.with_header("Allow", allow_header(match.allowed));
      throw error;
    }
    throw ApiError(ErrorKind::kNotFound, "Method not found");
  }
  if (match.suffix_format) context.format = *match.suffix_format;
  // What binding may allocate is in proportion to what the client sent (docs/security.md).
  const std::size_t sent = request.target.size() + request.body.size() +
                           (request.spooled_body ? request.spooled_body->size() : 0);
  context.params.set_budget(Params::budget_for(sent));
  bind_route_and_query(context.params, routed);
  context.base_url = base_url_of(request);
  context.https = request.tls || request.forwarded_https;
  return *match.route;
}

// The caller, from the head (query, cookie, Authorization) or a form body's asc_auth_key, before
// the body is bound: an anonymous client never gets a body parsed by a route that needs a caller.
// Then the body: an upload's multipart parts, or the parameters of any other body.
void Dispatcher::authenticate(const Route& route, IncomingRequest& request,
                              RequestContext& context) const {
  const bool anonymous = !route.anonymous_with.empty() && context.params.has(route.anonymous_with);
  if (route.requires_auth && !anonymous) {
    refuse_cross_site(request);
    if (request.caller) {
      context.caller = std::move(request.caller);
    } else {
      Params sources;
      add_urlencoded_params(sources, request.routed->query, ParamSource::kQuery);
      if (is_form(request.headers))
        if (auto key = find_urlencoded_field(request.body, "asc_auth_key"))
          sources.add("asc_auth_key", *key, ParamSource::kBody);
      const auto credentials =
          extract_credentials(sources, header_value(request.headers, "authorization"),
                              header_value(request.headers, "cookie"));
      context.caller = authenticator_.authenticate(credentials, context.client_address);
      if (!context.caller) throw unauthorized(!credentials.empty(), request.headers);
    }
  }
  if (route.streams_body && request.spooled_body) {
    take_spooled_body(request, context);
  } else {
    add_body_params(context.params, request);
  }
}

OutgoingResponse Dispatcher::invoke_and_render(const Route& route, IncomingRequest& request,
                                               RequestContext& context) const {
  context.headers = std::move(request.headers);

  HandlerResult result = route.handler(context);
  OutgoingResponse out;
  if (auto* file = std::get_if<FileResponse>(&result)) {
    out = file_response(*file, request.method, context);
  } else if (auto* raw = std::get_if<RawResponse>(&result)) {
    out.status = raw->status;
    out.headers.emplace_back("Content-Type", raw->content_type);
    for (auto& header : raw->headers)
      out.headers.push_back(std::move(header));
    out.body = std::move(raw->body);
  } else {
    auto& api = std::get<ApiResponse>(result);
    const int status = api.status.value_or(request.method == http::verb::post ? 201 : 200);
    out = envelope_response(
        status,
        [&](ApiWriter& writer) {
          if (api.write_response) {
            write_success_envelope(writer, status, api.written_count, api.write_response,
                                   api.paging, api.failed);
          } else {
            write_success_envelope(writer, status, api.response, api.paging, api.failed);
          }
        },
        context.format);
    for (auto& header : api.headers)
      out.headers.push_back(std::move(header));
  }
  return out;
}

}  // namespace projectd
