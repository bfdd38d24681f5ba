#include "http/download_headers.h"

#include "base/ascii.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

std::string_view find_header(const HeaderList& headers, std::string_view name) {
  for (const auto& [key, value] : headers)
    if (key == name) return value;
  return {};
}

// RFC 8187 attr-char: what may stay unencoded in an ext-value.
bool is_attr_char(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// One entity tag from the front of `text` (which starts at its first character): whether it was
// weak and its opaque part. Lenient with unquoted tags, which some clients send.
struct EntityTag {
  bool weak = false;
  std::string_view opaque;
};
EntityTag read_entity_tag(std::string_view& text) {
  EntityTag tag;
  if (text.starts_with("W/") || text.starts_with("w/")) {
    tag.weak = true;
    text.remove_prefix(2);
  }
  if (!text.empty() && text.front() == '"') {
    const std::size_t close = text.find('"', 1);
    const std::size_t end = close == std::string_view::npos ? text.size() : close;
    tag.opaque = text.substr(1, end - 1);
    text.remove_prefix(close == std::string_view::npos ? text.size() : close + 1);
  } else {
    const std::size_t comma = text.find(',');
    tag.opaque = ascii::trim(text.substr(0, comma));
    text.remove_prefix(comma == std::string_view::npos ? text.size() : comma);
  }
  return tag;
}

}  // namespace

std::string attachment_disposition(std::string_view filename) {
  if (filename.empty()) return "attachment";
  std::string fallback;
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : filename) {
    const auto c = static_cast<unsigned char>(ch);
    // One `_` per character: a UTF-8 lead byte stands for its character, continuation bytes
    // (10xxxxxx) add nothing.
    if (c >= 0x80) {
      if ((c & 0xC0) != 0x80) fallback += '_';
    } else if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
      fallback += '_';
    } else {
      fallback += ch;
    }
    if (is_attr_char(c)) {
      encoded += ch;
    } else {
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

bool if_none_match_matches(std::string_view header, std::string_view etag) {
  while (true) {
    while (!header.empty() && (ascii::is_space(header.front()) || header.front() == ','))
      header.remove_prefix(1);
    if (header.empty()) return false;
    if (header.front() == '*') return true;
    if (read_entity_tag(header).opaque == etag) return true;
  }
}

bool if_range_matches(std::string_view header, std::string_view etag) {
  header = ascii::trim(header);
  if (header.empty() || (header.front() != '"' && !header.starts_with("W/"))) return false;
  const EntityTag tag = read_entity_tag(header);
  return !tag.weak && tag.opaque == etag && ascii::trim(header).empty();
}

DownloadAnswer answer_download(const FileResponse& file, http::verb method,
                               const HeaderList& request_headers) {
  DownloadAnswer answer;
  const std::string quoted_etag = "\"" + file.etag + "\"";
  const bool get_or_head = method == http::verb::get || method == http::verb::head;
  const std::string_view if_none_match = find_header(request_headers, "if-none-match");
  if (get_or_head && !if_none_match.empty() && if_none_match_matches(if_none_match, file.etag)) {
    answer.status = 304;
    answer.headers = {{"ETag", quoted_etag}, {"Cache-Control", "private, no-cache"}};
    return answer;
  }

  RangeDecision range;
  const std::string_view range_header = find_header(request_headers, "range");
  const std::string_view if_range = find_header(request_headers, "if-range");
  if (method == http::verb::get && !range_header.empty() &&
      (if_range.empty() || if_range_matches(if_range, file.etag))) {
    range = decide_range(range_header, file.size);
  }
  const std::string size = std::to_string(file.size);
  if (range.outcome == RangeOutcome::kUnsatisfiable) {
    answer.status = 416;
    answer.headers = {{"Content-Range", "bytes */" + size}};
    return answer;
  }

  answer.headers = {
      {"Content-Type", file.content_type.empty() ? "application/octet-stream" : file.content_type},
      {"ETag", quoted_etag},
      {"Accept-Ranges", "bytes"},
      {"Cache-Control", "private, no-cache"},
      {"Content-Disposition", attachment_disposition(file.filename)},
      // Uploaded HTML or SVG must never run as a page of this origin.
      {"X-Content-Type-Options", "nosniff"},
  };
  if (range.outcome == RangeOutcome::kPartial) {
    answer.status = 206;
    const ByteRange& r = range.range;
    answer.headers.emplace_back("Content-Range", "bytes " + std::to_string(r.offset) + "-" +
                                                     std::to_string(r.offset + r.length - 1) + "/" +
                                                     size);
    answer.slice = r;
  } else {
    answer.slice = ByteRange{0, file.size};
  }
  for (const auto& header : file.headers)
    answer.headers.push_back(header);
  return answer;
}

}  // namespace projectd
