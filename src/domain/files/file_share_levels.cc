#include "domain/files/file_share_levels.h"

namespace projectd {

bool share_reads(FileShare share) {
  switch (share) {
    case FileShare::kReadWrite:
    case FileShare::kRead:
    case FileShare::kReview:
    case FileShare::kComment:
    case FileShare::kFillForms:
    case FileShare::kCustomFilter:
      return true;
    case FileShare::kNone:
    case FileShare::kRestrict:
    case FileShare::kVaries:
      break;
  }
  return false;
}

bool share_changes(FileShare share) {
  return share == FileShare::kReadWrite;
}

int share_restrictiveness(FileShare share) {
  // The original's order, least restrictive first: None, ReadWrite, CustomFilter, Review,
  // FillForms, Comment, Read, Restrict, Varies.
  constexpr std::array<FileShare, 9> kOrder{
      FileShare::kNone,   FileShare::kReadWrite, FileShare::kCustomFilter,
      FileShare::kReview, FileShare::kFillForms, FileShare::kComment,
      FileShare::kRead,   FileShare::kRestrict,  FileShare::kVaries};
  for (std::size_t i = 0; i < kOrder.size(); ++i)
    if (kOrder[i] == share) return static_cast<int>(i);
  return 0;
}

}  // namespace projectd
