// The id that names one request in the log and in its answer's X-Request-Id header, so a client's
// report of a failure ("500, request 3f9a1c-2a") finds the log line with its detail. A client's own
// X-Request-Id is kept when it is a sane token (1 to 64 of letters, digits, '-', '_', '.'), so a
// proxy's id follows the request through; otherwise one is made: a random prefix per process and
// a counter. Thread safety: may be called from any thread.
#pragma once

#include <string>
#include <string_view>

namespace projectd {

std::string request_id_of(std::string_view sent);

}  // namespace projectd
