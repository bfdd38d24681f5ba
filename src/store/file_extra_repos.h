// The per-person parts of the Documents surface as the store keeps them (issue 16): the original's
// FilesSettings, the marks a person puts on files and folders (favourites, templates, recently
// used), and the title search's scan. Each call is one statement or two, whatever the data.
#pragma once

#include "base/time.h"
#include "store/file_records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// DateToAutoCleanUp of the original.
enum class AutoCleanUpGap {
  kNone = 0,
  kOneWeek = 1,
  kTwoWeeks,
  kOneMonth,
  kTwoMonths,
  kThreeMonths
};

// One person's FilesSettings; a person who never saved them has these values (the original's
// GetDefault).
struct FilesUserSettings {
  bool store_original = true;
  bool update_if_exist = false;  // an upload whose title is taken adds a version
  bool hide_confirm_convert_save = false;
  bool hide_confirm_convert_open = false;
  bool recent_section = true;
  bool favorites_section = true;
  bool templates_section = true;
  bool auto_cleanup = false;
  AutoCleanUpGap auto_cleanup_gap = AutoCleanUpGap::kNone;
};

class FilesSettingsRepo {
 public:
  virtual ~FilesSettingsRepo() = default;
  virtual FilesUserSettings of_user(std::string_view user_id) = 0;
  virtual void save_user(std::string_view user_id, const FilesUserSettings& settings) = 0;
};

// file_marks.kind / folder_marks.kind.
enum class FileMarkKind { kFavorite = 1, kTemplate = 2, kRecent = 3 };

struct FileMark {
  std::int64_t id = 0;  // the file's or the folder's
  Timestamp at{};
};

class FileMarkRepo {
 public:
  virtual ~FileMarkRepo() = default;
  // Marks the files (a mark already there gets `at`); ids must exist.
  virtual void mark_files(std::string_view user_id, FileMarkKind kind,
                          const std::vector<std::int64_t>& file_ids, Timestamp at) = 0;
  virtual void unmark_files(std::string_view user_id, FileMarkKind kind,
                            const std::vector<std::int64_t>& file_ids) = 0;
  virtual void mark_folders(std::string_view user_id, FileMarkKind kind,
                            const std::vector<std::int64_t>& folder_ids, Timestamp at) = 0;
  virtual void unmark_folders(std::string_view user_id, FileMarkKind kind,
                              const std::vector<std::int64_t>& folder_ids) = 0;
  // Newest first (then by id).
  virtual std::vector<FileMark> files(std::string_view user_id, FileMarkKind kind) = 0;
  virtual std::vector<FileMark> folders(std::string_view user_id, FileMarkKind kind) = 0;
  // When the file was marked, if it is.
  virtual std::optional<Timestamp> file_mark(std::string_view user_id, FileMarkKind kind,
                                             std::int64_t file_id) = 0;
  // Keeps the `keep` newest file marks of this kind, removes the rest.
  virtual void keep_newest_files(std::string_view user_id, FileMarkKind kind,
                                 std::int64_t keep) = 0;
};

// One entry the title search looks at.
struct TitleEntry {
  bool is_folder = false;
  std::int64_t id = 0;
  std::string title;
};

class FileSearchRepo {
 public:
  virtual ~FileSearchRepo() = default;
  // The roots of every tree: @common, each project's folder, and the @my of `owner_id`.
  virtual std::vector<FolderRecord> roots_for(std::string_view owner_id) = 0;
  // Every file and every subfolder (not the roots) of these trees, files first, each by id.
  virtual std::vector<TitleEntry> entries_under(const std::vector<std::int64_t>& root_ids) = 0;
  // The folders with these ids, one statement, by id; unknown ids are left out.
  virtual std::vector<FolderRecord> folders_by_ids(const std::vector<std::int64_t>& ids) = 0;
};

}  // namespace projectd
