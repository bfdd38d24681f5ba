// One line per request: method, path, status, duration, user id, request id (http/request_id.h).
// The query string is never logged: it may carry an `asc_auth_key` token.
#pragma once

#include <boost/beast/http/verb.hpp>

#include <chrono>
#include <string_view>

namespace projectd {

void log_request(boost::beast::http::verb method, std::string_view target, int status,
                 std::chrono::steady_clock::duration duration, std::string_view user_id,
                 std::string_view request_id);

}  // namespace projectd
