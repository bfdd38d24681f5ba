// The original's FileShare levels (products/ASC.Files/Server/Core/Security/FileShare.cs) and what
// each grants here (docs/wire-compatibility.md, "Sharing"), with the fixed subjects of the
// original's sharing: the everyone group, the admins group and the external link. Pure functions;
// thread safe.
#pragma once

#include <array>
#include <string_view>

namespace projectd {

enum class FileShare {
  kNone = 0,  // no restriction (an owner's access); as a change: remove the share
  kReadWrite = 1,
  kRead = 2,
  kRestrict = 3,  // denies, even where everyone reads (@common)
  kVaries = 4,    // only ever shown for a selection of entries; never stored
  kReview = 5,
  kComment = 6,
  kFillForms = 7,
  kCustomFilter = 8,
};

// ASC.Core Constants.GroupEveryone, Constants.GroupAdmin, and ASC.Files FileConstant.ShareLinkId.
inline constexpr std::string_view kEveryoneGroupId = "c5cc67d1-c3e8-43c0-a3ad-3928ae3e5b5e";
inline constexpr std::string_view kAdminGroupId = "cd84e66b-b803-40fc-99f9-b2969a54a1de";
inline constexpr std::string_view kShareLinkId = "11111111-1111-1111-1111-111111111111";

// Every level by the original's name, in number order (routes accept a name in any case or the
// number).
struct FileShareName {
  std::string_view name;
  FileShare share;
};
inline constexpr std::array<FileShareName, 9> kFileShareNames{{
    {"None", FileShare::kNone},
    {"ReadWrite", FileShare::kReadWrite},
    {"Read", FileShare::kRead},
    {"Restrict", FileShare::kRestrict},
    {"Varies", FileShare::kVaries},
    {"Review", FileShare::kReview},
    {"Comment", FileShare::kComment},
    {"FillForms", FileShare::kFillForms},
    {"CustomFilter", FileShare::kCustomFilter},
}};
// Read, Review, Comment, FillForms, CustomFilter and ReadWrite read; projectd has no editor, so
// all of them but ReadWrite are read-only here.
bool share_reads(FileShare share);
bool share_changes(FileShare share);
// The order in which one level overrides another given to the same kind of subject at the same
// depth: the more restrictive first, as the original's ShareComparer sorted descending.
int share_restrictiveness(FileShare share);

}  // namespace projectd
