// Rows of the Documents surface: folders, files with their versions, attachments of files to tasks
// and discussions, and the audit trail of attaching. Content bytes live in the blob store; a
// version names its content by SHA-256.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

// folders.kind / root_kind.
// kTrash: a person's recycle bin (migration 0013, domain/files/trash.h).
enum class FolderKind { kSubfolder = 0, kMy = 1, kCommon = 2, kProject = 3, kTrash = 4 };

struct FolderRecord {
  std::int64_t id = 0;
  std::optional<std::int64_t> parent_id;
  int kind = 0;  // FolderKind
  // Where the tree is rooted. Subfolders inherit root_id, root_kind, owner_id and project_id from
  // their parent (FolderRepo::insert sets them); a root is its own root.
  std::int64_t root_id = 0;
  int root_kind = 0;                       // FolderKind of the root
  std::optional<std::string> owner_id;     // @my and trash trees: the user
  std::optional<std::int64_t> project_id;  // project trees: the project
  std::string title;
  Timestamp created{};
  std::string created_by;
  Timestamp updated{};
  std::string updated_by;
};

struct FolderCounts {
  std::int64_t folder_id = 0;
  std::int64_t files = 0;    // directly inside
  std::int64_t folders = 0;  // directly inside
};

struct FolderListQuery {
  std::int64_t parent_id = 0;
  std::string text;  // title contains, case-insensitive; empty: all
  std::int64_t offset = 0;
  std::int64_t limit = 1000;
};

// One version of a file's content.
struct FileVersionRecord {
  int version = 1;     // 1-based
  std::string sha256;  // lowercase hex of the content
  std::int64_t size = 0;
  std::optional<std::string> comment;  // "Created", "Uploaded"...; null when none
  Timestamp created{};                 // when this version was stored
  std::string created_by;
  // The original's version group: versions of one group are revisions of one version. Read from
  // the store; FileRepo::insert and add_version set it (file_repos.h).
  int version_group = 1;
};

// A file as one of its versions shows it (the current one unless a version was asked for). The
// place fields come from the file's folder.
struct FileRecord {
  std::int64_t id = 0;
  std::int64_t folder_id = 0;
  std::string title;  // with its extension
  int current_version = 1;
  FileVersionRecord version;
  Timestamp created{};  // the file's first version
  std::string created_by;
  Timestamp updated{};  // the file's last change (new version or rename)
  std::string updated_by;
  // Copied from the folder (read-only; ignored by insert).
  int root_kind = 0;
  std::optional<std::string> owner_id;
  std::optional<std::int64_t> project_id;
};

struct FileListQuery {
  std::int64_t folder_id = 0;
  std::string text;                     // title contains, case-insensitive
  std::vector<std::string> extensions;  // lowercase with the dot; empty: any
  std::int64_t offset = 0;
  std::int64_t limit = 1000;
};

// The original's EntityType numbers (ProjectEntityEngine): 2 task, 6 message.
enum class EntityKind { kTask = 2, kMessage = 6 };

struct AttachmentRecord {
  EntityKind kind = EntityKind::kTask;
  std::int64_t entity_id = 0;
  std::int64_t file_id = 0;
  Timestamp attached{};
  std::string attached_by;
};

enum class AttachmentAction { kAttach = 1, kDetach = 2 };

// Outlives the entity and the file: it keeps the file's title, not a reference.
struct AttachmentAuditRecord {
  std::int64_t id = 0;
  EntityKind kind = EntityKind::kTask;
  std::int64_t entity_id = 0;
  std::int64_t file_id = 0;
  std::string file_title;
  AttachmentAction action = AttachmentAction::kAttach;
  std::string reason;  // "" for an explicit call, "task deleted", "file deleted", ...
  std::string user_id;
  Timestamp at{};
};

}  // namespace projectd
