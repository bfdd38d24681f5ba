// A streaming multipart/form-data parser (RFC 7578): bytes are fed in chunks of any size, parts are
// reported through callbacks as they arrive, so an upload never has to sit in memory. Also the
// Content-Disposition parser (RFC 6266, `filename*` per RFC 8187) used by multipart parts and raw
// uploads. Thread safety: none; one parser belongs to one request.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace projectd {

class Params;

struct ContentDisposition {
  std::string type;  // "form-data", "attachment", "inline"; lowercase
  std::optional<std::string> name;
  // `filename*` wins over `filename`; decoded to UTF-8; never contains a path (the last component
  // after `/` or `\` is kept).
  std::optional<std::string> filename;
};
// nullopt when the value is not a disposition at all.
std::optional<ContentDisposition> parse_content_disposition(std::string_view header_value);

// The boundary of a `multipart/form-data; boundary=...` Content-Type (quoted or not); nullopt when
// the type is not multipart or has no valid boundary (1-70 characters).
std::optional<std::string> multipart_boundary(std::string_view content_type);

struct MultipartPartHead {
  std::string name;                     // the form field name; may be empty
  std::optional<std::string> filename;  // set for file parts
  std::string content_type;             // as sent; "text/plain" when absent
};

class MultipartSink {
 public:
  virtual ~MultipartSink() = default;
  virtual void on_part_begin(const MultipartPartHead& head) = 0;
  virtual void on_part_data(std::string_view bytes) = 0;
  virtual void on_part_end() = 0;
};

struct MultipartLimits {
  std::size_t max_parts = 1000;
  std::size_t max_part_header_bytes = 16 * 1024;
};

// Delimiter lines may carry spaces/tabs before their CRLF; the preamble and epilogue are ignored.
// Header lines end in CRLF or LF; obsolete folded lines are joined with one space; names match in
// any case. Inside a part body, data is passed on as soon as it cannot be a delimiter: between
// feeds at most boundary-length + 3 bytes are held back (plus, during feed(), the chunk itself).
class MultipartParser {
 public:
  MultipartParser(std::string boundary, MultipartSink& sink, MultipartLimits limits = {});
  // Throws ApiError(kBadRequest) on malformed input or when a limit is passed.
  void feed(std::string_view chunk);
  // Throws ApiError(kBadRequest) unless the closing boundary has been seen.
  void finish();

 private:
  enum class State { kPreamble, kAfterBoundary, kHeaders, kBody, kDone };
  void parse();
  void begin_part(std::string_view header_block);

  std::string delimiter_;  // "\r\n--" + boundary
  MultipartSink& sink_;
  MultipartLimits limits_;
  State state_ = State::kPreamble;
  std::string buffer_;
  std::size_t parts_ = 0;
};

// For small, in-memory API bodies: every part without a filename becomes a body parameter; file
// parts are skipped (uploads take the streaming path). Throws ApiError(kBadRequest) when malformed.
void add_multipart_fields(Params& params, std::string_view body, std::string_view boundary);

}  // namespace projectd
