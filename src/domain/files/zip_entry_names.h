// Names of the entries of a bulk download's zip (docs/wire-compatibility.md, "Bulk download"):
// every name is safe for every unpacker, and unique in its directory.
//  - safe: a title becomes one path component: `\ / : * ? " < > |` and control characters become
//    `_`, trailing dots and spaces go (Windows drops them), `.`, `..` and an empty title become
//    `_`, a Windows reserved name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension, any
//    case) gets a leading `_`, invalid UTF-8 bytes become `_`, and a component longer than 255
//    bytes is cut (at a character boundary, keeping its extension). So no name climbs out of the
//    directory it is unpacked into or is absolute.
//  - unique: two entries of one directory whose names fold to the same text (Unicode case folding,
//    as case-insensitive file systems compare) are told apart as the original does: the second
//    is `name (1).ext`, the next `name (2).ext`.
// Thread safety: pure functions; a ZipDirectoryNames belongs to one thread.
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace projectd {

// One path component made safe as the header says.
std::string safe_zip_component(std::string_view title);

// The names taken in one directory of the archive.
class ZipDirectoryNames {
 public:
  // The safe form of `title`, numbered when the directory already has it; then taken.
  std::string take(std::string_view title);

 private:
  std::set<std::string> taken_;  // folded
};

}  // namespace projectd
