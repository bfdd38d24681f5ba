// What an API handler receives and returns. Handlers are plain synchronous functions: they run on
// the worker pool, never on an I/O thread, so they may block on the store.
#pragma once

#include "base/change_scope.h"
#include "base/time.h"
#include "blob/spooled_file.h"
#include "domain/caller.h"
#include "http/params.h"
#include "wire/envelope.h"
#include "wire/format.h"

#include <boost/beast/http/verb.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace projectd {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct RequestContext {
  boost::beast::http::verb method;
  std::string path;  // decoded, without the query
  Params params;
  std::optional<Caller> caller;  // set on every route that requires authentication
  Format format = Format::kJson;
  std::string client_address;
  std::string base_url;  // --public-url, else http(s)://<Host> (https: TLS or a trusted proxy)
  // The request reached projectd over TLS, or a trusted proxy said X-Forwarded-Proto: https.
  bool https = false;
  // Request headers a handler may need, lowercase names.
  HeaderList headers;
  // Routes with streams_body: the files of the body, in order. A multipart body gives one per file
  // part (its fields became params); any other non-empty body is one file named by its
  // Content-Disposition (raw_upload). Files the handler does not adopt are deleted afterwards.
  std::vector<SpooledFile> uploads;
  bool raw_upload = false;
  // Routes with caches_response: what the answer shows, if the handler can say (a task's answer:
  // the task and its project, base/change_scope.h); nullopt: anything. The response cache keeps
  // the answer until a write that can change it commits.
  ScopeDependencies depends_on;
  // Routes with caches_response: when the clock alone changes the answer (a comment's "5 minutes
  // ago"); nullopt: never. The response cache repeats it until then at most.
  std::optional<Timestamp> fresh_until;

  const std::string* header(std::string_view lowercase_name) const {
    for (const auto& [name, value] : headers)
      if (name == lowercase_name) return &value;
    return nullptr;
  }
};

// An envelope answer: the payload plus paging; the status defaults to 201 for POST, else 200.
struct ApiResponse {
  boost::json::value response;
  Paging paging;
  std::optional<int> status;
  HeaderList headers;  // e.g. Set-Cookie
  // Batch calls: the refused items, written after `response` (wire/envelope.h).
  std::optional<boost::json::array> failed = std::nullopt;
  // Set instead of `response` by an answer that writes itself straight into the JSON or XML
  // text, without a tree (wire/api_writer.h): one value, which the envelope counts as
  // `written_count` (wire/envelope.h, count_of).
  PayloadWriter write_response = nullptr;
  std::int64_t written_count = 1;
};

// The usual answer: `response` (and a page's paging) in the envelope, the status by the method.
inline ApiResponse ok(boost::json::value response, Paging paging = {}) {
  return ApiResponse{std::move(response), std::move(paging), std::nullopt, {}};
}

// The same for a payload that writes itself: an object (count 1), or a page of `count` items.
inline ApiResponse ok_written(PayloadWriter write_payload, std::int64_t count = 1,
                              Paging paging = {}) {
  ApiResponse out;
  out.write_response = std::move(write_payload);
  out.written_count = count;
  out.paging = std::move(paging);
  return out;
}

// Anything that is not an envelope: health checks, the OpenAPI document, downloads.
struct RawResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  HeaderList headers;
};

// A download streamed from disk. The HTTP layer adds ETag, Last-Modified-free caching headers,
// Content-Disposition (attachment, with RFC 6266 `filename*`), and answers If-None-Match with 304
// and Range with 206 or 416.
struct FileResponse {
  std::filesystem::path path;
  std::uint64_t size = 0;
  std::string etag;  // unquoted; a strong validator (the content's SHA-256)
  std::string content_type;
  std::string filename;
  HeaderList headers;
};

using HandlerResult = std::variant<ApiResponse, RawResponse, FileResponse>;
using Handler = std::function<HandlerResult(RequestContext&)>;

}  // namespace projectd
