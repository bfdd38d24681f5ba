// GET files/@search/{query} (issue 16; docs/wire-compatibility.md, "Search"): the files and
// subfolders whose titles contain the query, in everything the caller may read (their @my,
// @common less what a Restrict share hides, the project folders whose files they may read, and
// what others shared with them, shared folders' contents included), ignoring case the Unicode way
// (base/text_fold.h: "ÄRGER" finds "ärger.txt"). Files first, then folders, each in id order,
// paged. The scan reads the titles of those trees in two statements and folds them here, then
// keeps the matches the caller's access reads (FileAccessResolver):
// the stores' own case folding is ASCII only (SQLite) or depends on the database's locale
// (PostgreSQL). Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/caller.h"
#include "domain/files/file_service.h"
#include "store/store.h"

#include <cstdint>
#include <string_view>

namespace projectd {

struct EntrySearch {
  std::vector<FileView> files;
  std::vector<FolderView> folders;
  PeopleIndex people;
  std::int64_t total = 0;  // every match, not only this page
};

class FileSearchService {
 public:
  explicit FileSearchService(Store& store) : store_(store) {}
  // 400 when the query is empty or only white space.
  EntrySearch search(const Caller& caller, std::string_view query, std::int64_t offset,
                     std::int64_t limit);

 private:
  Store& store_;
};

}  // namespace projectd
