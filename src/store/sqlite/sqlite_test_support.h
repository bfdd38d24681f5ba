// Helpers for the store tests: a temporary directory removed at the end, and users to insert.
#pragma once

#include "store/records.h"

#include <gtest/gtest.h>

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace projectd::testing {

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "projectd-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
      throw std::system_error(errno, std::generic_category(), "mkdtemp");
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// A user whose id, email and user name derive from key, so each key is unique.
inline UserRecord make_user(const std::string& key, const std::string& first_name = "First",
                            const std::string& last_name = "Last") {
  UserRecord user;
  user.id = "id-" + key;
  user.user_name = "user." + key;
  user.email = key + "@example.com";
  user.first_name = first_name;
  user.last_name = last_name;
  user.created = from_ticks(1'000'000);
  user.updated = from_ticks(2'000'000);
  return user;
}

}  // namespace projectd::testing
