// One line per request: method, path, status, duration, client address (http/client_address.h),
// user id, request id (http/request_id.h), body bytes in and out. The query string is never
// logged: it may carry an `asc_auth_key` token.
// Two formats (`serve --log-format`): text, a line as the other log lines are, and json, where
// every log line of the process is one JSON object (for log shippers): a request line has the
// fields below, any other line "time", "level" and "message". Every string is escaped by
// Boost.JSON, so a hostile path cannot forge a field or a line.
// Thread safety: use_json_log_lines() once at start-up, before any thread logs; log_request()
// from any thread.
#pragma once

#include <boost/beast/http/verb.hpp>

#include <chrono>
#include <cstdint>
#include <string_view>

namespace projectd {

struct RequestLogLine {
  boost::beast::http::verb method = boost::beast::http::verb::unknown;
  std::string_view target;  // the query string is cut off here
  int status = 0;
  std::chrono::steady_clock::duration duration{};
  std::string_view client;
  std::string_view user_id;
  std::string_view request_id;
  std::uint64_t bytes_in = 0;   // the request body as received
  std::uint64_t bytes_out = 0;  // the answer's body as sent (0 for HEAD and 304)
  // The matched route's pattern (OutgoingResponse::route); empty when none matched. Not logged:
  // the request metrics group by it (http/request_metrics.h).
  std::string_view route;
};

void log_request(const RequestLogLine& line);

// Makes every line of the default logger one JSON object, request lines with their own fields:
// {"time","level","type":"request","method","path","status","ms","client","user","id","in","out"}.
void use_json_log_lines();

}  // namespace projectd
