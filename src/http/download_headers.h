// The HTTP side of a download (a handler's FileResponse): validators, conditional requests and
// ranges (RFC 9110 §8.8.3, §13, §14; RFC 9111 for Cache-Control) and the attachment's
// Content-Disposition (RFC 6266 with RFC 8187 `filename*`). Pure logic, so every rule is unit
// tested without a socket. Thread safety: pure functions.
#pragma once

#include "http/byte_range.h"
#include "http/handler.h"

#include <boost/beast/http/verb.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace projectd {

// `attachment; filename="<ascii>"; filename*=UTF-8''<pct-encoded>`: old clients read the quoted
// fallback (each non-ASCII character, control character, `"` and `\` becomes `_`), every modern
// one the exact UTF-8 name. An empty name gives just `attachment`.
std::string attachment_disposition(std::string_view filename);

// If-None-Match (weak comparison, §13.1.2): true when `*` or any listed entity tag, with or
// without W/, equals `etag` (unquoted).
bool if_none_match_matches(std::string_view header, std::string_view etag);

// If-Range (§13.1.5): true when the Range may be honoured: the header is one strong entity tag
// equal to `etag`. A weak tag or a date (we send no Last-Modified) never matches.
bool if_range_matches(std::string_view header, std::string_view etag);

struct DownloadAnswer {
  int status = 200;                // 200, 206, 304 or 416
  HeaderList headers;              // all but the framing (Content-Length) and the body
  std::optional<ByteRange> slice;  // the bytes to send with 200 and 206; nullopt for 304 and 416
};

// Applies, in the RFC's order, If-None-Match (GET and HEAD only; other methods ignore it),
// then Range (GET only) unless If-Range says the client's copy is stale. `request_headers` have
// lowercase names.
DownloadAnswer answer_download(const FileResponse& file, boost::beast::http::verb method,
                               const HeaderList& request_headers);

}  // namespace projectd
