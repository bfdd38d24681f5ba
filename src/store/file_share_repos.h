// The sharing of Documents (migration 0014): shares of files and folders with people, groups and
// everyone, and each file's external link. Each call is one statement.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

// What a share names: a file or a folder.
enum class ShareEntryKind { kFile = 1, kFolder = 2 };
// Whom a share names: a person (subject is their id), a group (its id), or everyone signed in
// (subject is the original's everyone group id, Constants.GroupEveryone).
enum class ShareSubjectKind { kPerson = 1, kGroup = 2, kEveryone = 3 };

struct ShareEntry {
  ShareEntryKind kind = ShareEntryKind::kFile;
  std::int64_t id = 0;
  bool operator==(const ShareEntry&) const = default;
};

struct FileShareRecord {
  ShareEntry entry;
  std::string subject;
  ShareSubjectKind subject_kind = ShareSubjectKind::kPerson;
  int access = 0;  // the original's FileShare; never 0 (None) when stored
  std::string shared_by;
  Timestamp at{};
};

struct ShareLinkRecord {
  std::int64_t file_id = 0;
  std::string token;  // unguessable (auth/random.h), URL-safe
  int access = 0;     // FileShare; Restrict once revoked
  std::string created_by;
  Timestamp created{};
};

class FileShareRepo {
 public:
  virtual ~FileShareRepo() = default;
  // The shares of one entry, oldest first.
  virtual std::vector<FileShareRecord> of_entry(ShareEntry entry) = 0;
  // Every share naming one of these subjects (a person, their groups, everyone), any entry.
  virtual std::vector<FileShareRecord> naming(const std::vector<std::string>& subjects) = 0;
  // Adds the share, or changes the access of the entry's share with the same subject.
  virtual void put(const FileShareRecord& share) = 0;
  virtual void remove(ShareEntry entry, std::string_view subject) = 0;
  // A deleted person's shares (a group's go with its row).
  virtual void forget_subject(std::string_view subject) = 0;
  // Which of these entries have a share of any subject, or a link (files): one statement each.
  virtual std::vector<std::int64_t> shared_files(const std::vector<std::int64_t>& ids) = 0;
  virtual std::vector<std::int64_t> shared_folders(const std::vector<std::int64_t>& ids) = 0;

  virtual std::optional<ShareLinkRecord> link_of_file(std::int64_t file_id) = 0;
  virtual std::optional<ShareLinkRecord> link_by_token(std::string_view token) = 0;
  // Adds the file's link, or changes its access (the token stays).
  virtual void put_link(const ShareLinkRecord& link) = 0;
};

}  // namespace projectd
