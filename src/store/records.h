// Rows as the store keeps them. The domain reads and writes these; no SQL type leaks out of store/.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>

namespace projectd {

enum class EmployeeStatus { kActive = 1, kTerminated = 2, kLeaveOfAbsence = 4 };
enum class ActivationStatus { kNotActivated = 0, kActivated = 1, kPending = 2 };

struct UserRecord {
  std::string id;  // lowercase GUID with hyphens
  std::string user_name;
  std::string email;  // stored lowercase; unique
  std::string first_name;
  std::string last_name;
  std::string title;  // job title; may be empty
  std::string location;
  std::string notes;
  std::optional<std::string> sex;  // "male" / "female"
  std::optional<Timestamp> birthday;
  std::optional<Timestamp> work_from;
  std::optional<Timestamp> terminated;
  bool is_admin = false;
  bool is_visitor = false;
  EmployeeStatus status = EmployeeStatus::kActive;
  ActivationStatus activation_status = ActivationStatus::kActivated;
  std::string password_hash;  // Argon2id encoded string; empty: cannot log in with a password
  Timestamp created{};
  Timestamp updated{};
};

struct TokenRecord {
  std::string token_hash;  // hex SHA-256 of the token; the token itself is never stored
  std::string user_id;
  Timestamp created{};
  Timestamp expires{};
};

// A people query: a free-text filter over names, email and user name, paged in the store.
struct UserQuery {
  std::string text;  // empty: everyone
  std::optional<EmployeeStatus> status;
  std::optional<bool> is_visitor;
  std::optional<std::string> group_id;  // members of this group only
  // false: the text matches names and user names, never the email (whom emails are hidden from
  // must not test them through a search).
  bool match_email = true;
  std::int64_t offset = 0;
  std::int64_t limit = 1000;
};

// A people group (the original's department, GroupApi).
struct GroupRecord {
  std::string id;  // lowercase GUID with hyphens
  std::string name;
  std::optional<std::string> manager_id;
  Timestamp created{};
};

// One size of an uploaded photo: a content of the blob store.
struct PhotoRecord {
  std::string user_id;
  std::string size;  // original, retina, max, big, medium, small
  std::string sha256;
  std::int64_t bytes = 0;
  std::string mime;  // image/png or image/jpeg
};

}  // namespace projectd
