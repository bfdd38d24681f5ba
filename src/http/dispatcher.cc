#include "http/dispatcher.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "http/credentials.h"
#include "http/download_headers.h"
#include "http/multipart.h"
#include "http/response_cache.h"
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

OutgoingResponse envelope_response(int status, const boost::json::value& envelope, Format format) {
  OutgoingResponse out;
  out.status = status;
  out.headers.emplace_back("Content-Type", std::string(content_type_of(format)));
  out.headers.emplace_back("Cache-Control", "no-store");
  out.body = render(envelope, format);
  return out;
}

ApiError unauthorized(bool had_credentials) {
  ApiError error(ErrorKind::kUnauthorized, had_credentials
                                               ? "The credentials are invalid or have expired"
                                               : "Authentication is required: send a token in the "
                                                 "Authorization header");
  error.with_header("WWW-Authenticate", "Basic realm=\"projectd\", Bearer realm=\"projectd\"");
  return error;
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

// An empty body is no body whatever its type (DESIGN §4); a type we do not read is ignored rather
// than refused, as the original does.
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

BodyPolicy Dispatcher::body_policy_for(http::verb method, std::string_view target) const {
  auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return BodyPolicy{};
  std::vector<std::string> segments;
  for (std::string segment : parsed->segments())
    if (!segment.empty()) segments.push_back(std::move(segment));
  const RouteMatch match = router_.match(method, segments);
  if (!match.route) return BodyPolicy{};
  return BodyPolicy{match.route->body_limit, match.route->streams_body};
}

std::string Dispatcher::base_url_of(const IncomingRequest& request) const {
  if (!options_.public_url.empty()) return options_.public_url;
  std::string_view host = header_value(request.headers, "host");
  if (host.empty()) host = "localhost";
  return "http://" + std::string(host);
}

OutgoingResponse Dispatcher::error_response(const ApiError& error, Format format) {
  const int status = error.http_status();
  OutgoingResponse out =
      envelope_response(status, error_envelope(status, error.what(), error.data()), format);
  for (const auto& header : error.headers())
    out.headers.push_back(header);
  return out;
}

std::optional<OutgoingResponse> Dispatcher::cached_answer(const IncomingRequest& request) const {
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
    const auto answer = cache->find(ResponseCache::key_of(request, caller->user_id));
    if (!answer) return std::nullopt;
    OutgoingResponse out = *answer;
    out.user_id = caller->user_id;
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
  RequestContext context;
  context.method = request.method;
  context.client_address = request.client_address;
  context.format = format_of_accept(header_value(request.headers, "accept"));
  try {
    return handle_or_throw(request, context);
  } catch (const ApiError& error) {
    OutgoingResponse out = error_response(error, context.format);
    if (context.caller) out.user_id = context.caller->user_id;
    return out;
  } catch (const std::exception& e) {
    spdlog::error("unhandled error on {} {}: {}", http::to_string(request.method), context.path,
                  e.what());
    OutgoingResponse out = error_response(
        ApiError(ErrorKind::kInternal, "The server failed to process the request"), context.format);
    if (context.caller) out.user_id = context.caller->user_id;
    return out;
  }
}

OutgoingResponse Dispatcher::handle_or_throw(IncomingRequest& request,
                                             RequestContext& context) const {
  auto target = boost::urls::parse_origin_form(request.target);
  if (!target) throw_bad_request("The request target is not a valid path");
  std::vector<std::string> segments;
  for (std::string segment : target->segments()) {
    if (segment.find('\0') != std::string::npos) throw_bad_request("The path contains a NUL");
    if (!segment.empty()) segments.push_back(std::move(segment));
  }
  for (const std::string& s : segments)
    context.path += "/" + s;
  if (const auto suffix = format_of_suffix(context.path)) context.format = *suffix;

  RouteMatch match = router_.match(request.method, segments);
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

  for (auto& [name, value] : match.path_params)
    context.params.add(name, value, ParamSource::kRoute);
  if (target->has_query())
    add_urlencoded_params(context.params, target->encoded_query(), ParamSource::kQuery);
  const Route& route = *match.route;
  // An upload is authenticated before its multipart parts are copied out, so an anonymous client
  // cannot make the server write its body twice; its credentials come from the headers, a cookie
  // or the query, not from form fields.
  const bool upload = route.streams_body && request.spooled_body;
  if (!upload) add_body_params(context.params, request);

  context.base_url = base_url_of(request);
  // Read before the caller and the data: an answer rendered while a write committed is not kept.
  ResponseCache* cache = route.caches_response && request.method == http::verb::get &&
                                 request.body.empty() && options_.response_cache &&
                                 options_.response_cache->enabled()
                             ? options_.response_cache
                             : nullptr;
  const std::uint64_t generation = cache ? cache->generation() : 0;
  if (route.requires_auth) {
    auto credentials =
        extract_credentials(context.params, header_value(request.headers, "authorization"),
                            header_value(request.headers, "cookie"));
    context.caller = authenticator_.authenticate(credentials, context.client_address);
    if (!context.caller) throw unauthorized(!credentials.empty());
  }
  if (upload) take_spooled_body(request, context);
  std::string cache_key;
  if (cache && context.caller) cache_key = ResponseCache::key_of(request, context.caller->user_id);
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
        success_envelope(status, std::move(api.response), api.paging, std::move(api.failed)),
        context.format);
    for (auto& header : api.headers)
      out.headers.push_back(std::move(header));
  }
  if (!cache_key.empty()) cache->insert(std::move(cache_key), out, generation);
  if (context.caller) out.user_id = context.caller->user_id;
  return out;
}

}  // namespace projectd
