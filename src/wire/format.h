// Which representation a response takes (docs/wire-compatibility.md, "JSON and XML"): a
// `.json`/`.xml`/`.tml` suffix on the path decides first, then an Accept header that prefers XML,
// else JSON.
#pragma once

#include "wire/api_writer.h"

#include <boost/json/value.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace projectd {

enum class Format { kJson, kXml };

// The format a path suffix names, or nullopt when the path has none of the three suffixes.
std::optional<Format> format_of_suffix(std::string_view path);
// XML only when the Accept header ranks application/xml or text/xml above application/json
// (q-values honoured; equal rank keeps JSON).
Format format_of_accept(std::string_view accept);

std::string_view content_type_of(Format format);
// The envelope rendered in the format: compact JSON, or the original's XML
// (docs/wire-compatibility.md, "JSON and XML").
std::string render(const boost::json::value& envelope, Format format);
// What `write` (the envelope's events, wire/api_writer.h) gives in the format.
std::string render_written(const std::function<void(ApiWriter&)>& write, Format format);

}  // namespace projectd
