// The response envelope (docs/wire-compatibility.md, "Envelope"), with its "Honest paging": members
// in the original's order (count, startIndex, nextIndex, total, status, statusCode, response |
// error, then our `failed` of batch calls), zero and null members left out as the original does.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace projectd {

// What a successful call says besides its payload.
struct Paging {
  std::int64_t start_index = 0;
  std::optional<std::int64_t> total;  // filter endpoints, or when the list was cut
  bool more = false;                  // a further page exists: nextIndex = startIndex + count
};

// `response` is the payload; a null payload is written as {} (clients treat null as failure).
// `failed`, when given, is written after `response`: the items of a batch call that were refused
// while the others succeeded, each {id, statusCode, message} (the original swallowed them).
boost::json::object success_envelope(int http_status, boost::json::value response,
                                     const Paging& paging = {},
                                     std::optional<boost::json::array> failed = std::nullopt);

boost::json::object error_envelope(int http_status, const std::string& message,
                                   const boost::json::value& data, std::int64_t start_index = 0);

}  // namespace projectd
