// The Range header of a download (RFC 9110 §14.1-14.2): one `bytes=` range in any of its three
// forms. Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>

namespace projectd {

struct ByteRange {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
};

enum class RangeOutcome {
  kFull,           // no usable Range: answer 200 with the whole file
  kPartial,        // answer 206 with `range`
  kUnsatisfiable,  // answer 416 with `Content-Range: bytes */size`
};

struct RangeDecision {
  RangeOutcome outcome = RangeOutcome::kFull;
  ByteRange range;  // set for kPartial
};

// Decides how to answer `Range: <header>` for a representation of `size` bytes:
//  - `bytes=a-b` (b clamped to the end), `bytes=a-`, `bytes=-n` (the last n bytes; all of them
//    when n >= size) give kPartial;
//  - a first byte at or past the end, or `-0`, give kUnsatisfiable;
//  - an absent or malformed header, another unit, or `a-b` with b < a is ignored (kFull), as the
//    RFC asks of a recipient;
//  - several ranges give kFull: a multipart/byteranges answer buys clients nothing here and
//    costs a second body writer, and RFC 9110 lets a server ignore Range;
//  - an empty file has no byte to address: `-n` answers the whole (empty) file, others 416.
RangeDecision decide_range(std::string_view header, std::uint64_t size);

}  // namespace projectd
