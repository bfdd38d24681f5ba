// Chunked upload sessions as the store keeps them (migration 0011): who opened one, for which
// folder and file name, how many bytes it expects and how many are durably staged. The staged
// bytes themselves are files of the domain's (domain/files/chunked_upload_service.h); the store
// only counts them. Each call is one statement or two, whatever the data.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

struct UploadSessionRecord {
  std::string id;  // 32 lowercase hex digits
  std::string user_id;
  std::int64_t folder_id = 0;
  std::string title;
  std::int64_t bytes_total = 0;
  std::int64_t bytes_uploaded = 0;
  std::int64_t chunks = 0;  // acknowledged chunks
  bool create_new_if_exist = true;
  Timestamp created;
  Timestamp expires;
};

class UploadSessionRepo {
 public:
  virtual ~UploadSessionRepo() = default;
  virtual void insert(const UploadSessionRecord& session) = 0;
  virtual std::optional<UploadSessionRecord> by_id(std::string_view id) = 0;
  // Counts one more chunk: bytes_uploaded goes from `from` to `to` and the expiry to `expires`.
  // False (and nothing changed) when the session is gone or no longer at `from`.
  virtual bool advance(std::string_view id, std::int64_t from, std::int64_t to,
                       Timestamp expires) = 0;
  // False when there was no such session.
  virtual bool remove(std::string_view id) = 0;
  // Deletes every session whose expiry is at or before `now`; returns their ids.
  virtual std::vector<std::string> remove_expired(Timestamp now) = 0;
  // The ids of every session (to find staged files whose session is gone), sorted.
  virtual std::vector<std::string> ids() = 0;
};

}  // namespace projectd
