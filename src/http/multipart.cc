// The streaming multipart/form-data parser. The body is scanned for the delimiter
// `CRLF--boundary`; the buffer starts with a CRLF so that a boundary on the very first line needs
// no special case. Inside a part body only the tail that could still be the start of a delimiter
// is held back; everything before it goes to the sink at once.
#include "http/multipart.h"

#include "base/ascii.h"
#include "base/errors.h"

#include <algorithm>
#include <string>
#include <vector>

namespace projectd {
namespace {

// Spaces and tabs allowed after a boundary (RFC 2046 transport padding) before its CRLF.
constexpr std::size_t kMaxTransportPadding = 256;

[[noreturn]] void malformed(std::string_view what) {
  throw ApiError(ErrorKind::kBadRequest, "The multipart body is malformed: " + std::string(what));
}

// Length of the longest suffix of `data` that is a proper prefix of `delimiter`: the bytes that
// might be a delimiter once more input arrives.
std::size_t pending_prefix(std::string_view data, std::string_view delimiter) {
  std::size_t from = data.size() - std::min(data.size(), delimiter.size() - 1);
  // The earliest candidate gives the longest match; only positions holding the delimiter's first
  // byte (CR) can start one.
  for (std::size_t at = data.find(delimiter.front(), from); at != std::string_view::npos;
       at = data.find(delimiter.front(), at + 1)) {
    if (data.substr(at) == delimiter.substr(0, data.size() - at)) return data.size() - at;
  }
  return 0;
}

}  // namespace

MultipartParser::MultipartParser(std::string boundary, MultipartSink& sink, MultipartLimits limits)
    : delimiter_("\r\n--" + boundary), sink_(sink), limits_(limits), buffer_("\r\n") {
  if (boundary.empty()) malformed("the boundary is empty");
}

void MultipartParser::feed(std::string_view chunk) {
  // The epilogue after the closing boundary is ignored, as RFC 2046 asks.
  if (state_ == State::kDone) return;
  buffer_.append(chunk);
  parse();
}

void MultipartParser::finish() {
  if (state_ != State::kDone) malformed("it ended before the closing boundary");
}

void MultipartParser::parse() {
  while (true) {
    switch (state_) {
      case State::kPreamble: {
        std::size_t found = buffer_.find(delimiter_);
        if (found == std::string::npos) {
          // The preamble is discarded as it streams by.
          buffer_.erase(0, buffer_.size() - pending_prefix(buffer_, delimiter_));
          return;
        }
        buffer_.erase(0, found + delimiter_.size());
        state_ = State::kAfterBoundary;
        break;
      }
      case State::kAfterBoundary: {
        if (buffer_.empty() || buffer_ == "-") return;
        if (buffer_.compare(0, 2, "--") == 0) {
          state_ = State::kDone;
          buffer_.clear();
          return;
        }
        std::size_t end = buffer_.find_first_not_of(" \t");
        if (end == std::string::npos || end + 1 >= buffer_.size()) {
          if (buffer_.size() > kMaxTransportPadding) malformed("a boundary line is too long");
          return;
        }
        if (buffer_[end] != '\r' || buffer_[end + 1] != '\n') {
          malformed("a boundary is not followed by a line break");
        }
        // Keep the CRLF: the header block is then found by one search for CRLF CRLF, also when
        // it is empty.
        buffer_.erase(0, end);
        state_ = State::kHeaders;
        break;
      }
      case State::kHeaders: {
        std::size_t end = buffer_.find("\r\n\r\n");
        // Without the terminator yet, up to 3 of its bytes may already sit at the end.
        bool too_big = end == std::string::npos
                           ? buffer_.size() > limits_.max_part_header_bytes + 2 + 3
                           : end > limits_.max_part_header_bytes + 2;
        if (too_big) {
          throw ApiError(ErrorKind::kBadRequest, "A multipart part has more than " +
                                                     std::to_string(limits_.max_part_header_bytes) +
                                                     " bytes of headers");
        }
        if (end == std::string::npos) return;
        begin_part(end == 0 ? std::string_view() : std::string_view(buffer_).substr(2, end - 2));
        buffer_.erase(0, end + 4);
        state_ = State::kBody;
        break;
      }
      case State::kBody: {
        std::size_t found = buffer_.find(delimiter_);
        if (found == std::string::npos) {
          std::size_t ready = buffer_.size() - pending_prefix(buffer_, delimiter_);
          if (ready > 0) {
            sink_.on_part_data(std::string_view(buffer_).substr(0, ready));
            buffer_.erase(0, ready);
          }
          return;
        }
        if (found > 0) sink_.on_part_data(std::string_view(buffer_).substr(0, found));
        sink_.on_part_end();
        buffer_.erase(0, found + delimiter_.size());
        state_ = State::kAfterBoundary;
        break;
      }
      case State::kDone:
        buffer_.clear();
        return;
    }
  }
}

// Header lines end in CRLF (a bare LF is accepted too). Obsolete folding (a line starting with a
// space or tab) is joined to the previous line with one space, as RFC 9110 §5.5 allows a
// recipient to do; only Content-Disposition and Content-Type are read, names in any case.
void MultipartParser::begin_part(std::string_view header_block) {
  if (++parts_ > limits_.max_parts) {
    throw ApiError(ErrorKind::kBadRequest, "The multipart body has more than " +
                                               std::to_string(limits_.max_parts) + " parts");
  }
  std::vector<std::string> lines;
  while (!header_block.empty()) {
    std::size_t newline = header_block.find('\n');
    std::string_view line = header_block.substr(0, newline);
    header_block.remove_prefix(newline == std::string_view::npos ? header_block.size()
                                                                 : newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      if (lines.empty()) malformed("a part's headers start with a continuation line");
      lines.back() += ' ';
      lines.back() += ascii::trim(line);
      continue;
    }
    lines.emplace_back(line);
  }

  MultipartPartHead head;
  bool have_disposition = false;
  bool have_type = false;
  for (const std::string& line : lines) {
    std::size_t colon = line.find(':');
    std::string_view name = std::string_view(line).substr(0, colon);
    if (colon == std::string::npos || name.empty() ||
        name.find_first_of(" \t") != std::string_view::npos) {
      malformed("a part has a header line that is not `Name: value`");
    }
    std::string_view value = ascii::trim(std::string_view(line).substr(colon + 1));
    if (ascii::iequals(name, "content-disposition") && !have_disposition) {
      have_disposition = true;
      if (auto disposition = parse_content_disposition(value)) {
        head.name = disposition->name.value_or(std::string());
        head.filename = std::move(disposition->filename);
      }
    } else if (ascii::iequals(name, "content-type") && !have_type) {
      have_type = true;
      head.content_type = value;
    }
  }
  if (head.content_type.empty()) head.content_type = "text/plain";
  sink_.on_part_begin(head);
}

}  // namespace projectd
