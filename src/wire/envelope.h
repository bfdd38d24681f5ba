// The response envelope (docs/wire-compatibility.md, "Envelope"), with its "Honest paging": members
// in the original's order (count, startIndex, nextIndex, total, status, statusCode, response |
// error, then our `failed` of batch calls), zero and null members left out as the original does.
#pragma once

#include "wire/api_writer.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace projectd {

// What a successful call says besides its payload.
struct Paging {
  std::int64_t start_index = 0;
  std::optional<std::int64_t> total;  // filter endpoints, or when the list was cut
  bool more = false;                  // a further page exists: nextIndex = startIndex + count
};

// A payload that writes itself (wire/api_writer.h): exactly one value.
using PayloadWriter = std::function<void(ApiWriter&)>;

// What the envelope's `count` says of a payload: a collection counts its items; any other payload
// counts one (the original counts a string's length, a quirk no client relies on); an empty
// payload counts zero and is left out.
std::int64_t count_of(const boost::json::value& response);

// The success envelope around a payload of `count` (count_of) that `write_response` writes.
// `failed`, when given, is written after `response`: the items of a batch call that were refused
// while the others succeeded, each {id, statusCode, message} (the original swallowed them).
void write_success_envelope(ApiWriter& out, int http_status, std::int64_t count,
                            const PayloadWriter& write_response, const Paging& paging = {},
                            const std::optional<boost::json::array>& failed = std::nullopt);

// The same around a tree; a null payload is written as {} (clients treat null as failure).
void write_success_envelope(ApiWriter& out, int http_status, const boost::json::value& response,
                            const Paging& paging = {},
                            const std::optional<boost::json::array>& failed = std::nullopt);
boost::json::object success_envelope(
    int http_status, const boost::json::value& response, const Paging& paging = {},
    const std::optional<boost::json::array>& failed = std::nullopt);

boost::json::object error_envelope(int http_status, const std::string& message,
                                   const boost::json::value& data, std::int64_t start_index = 0);

}  // namespace projectd
