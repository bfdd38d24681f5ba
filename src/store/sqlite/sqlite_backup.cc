#include "store/sqlite/sqlite_backup.h"

#include "blob/file_io.h"

#include <sqlite3.h>

#include <chrono>
#include <map>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace projectd {

namespace {

// One raw connection for the backup tools: they need neither the store's pragmas nor its cache.
class BackupDb {
 public:
  BackupDb(const std::filesystem::path& path, int flags) {
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) fail("cannot open", path);
    sqlite3_busy_timeout(db_, 10000);
  }
  ~BackupDb() { sqlite3_close_v2(db_); }
  BackupDb(const BackupDb&) = delete;
  BackupDb& operator=(const BackupDb&) = delete;
  sqlite3* get() const { return db_; }

  [[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) const {
    throw std::runtime_error(what + " the database " + path.string() + ": " +
                             (db_ ? sqlite3_errmsg(db_) : "out of memory"));
  }

  // Runs a statement without parameters and hands each row's text columns to `row`.
  template <class F>
  void each_row(const char* sql, const std::filesystem::path& path, F&& row) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql, -1, &stmt, nullptr) != SQLITE_OK) fail("cannot read", path);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
      row(stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_DONE) fail("cannot read", path);
  }

 private:
  sqlite3* db_ = nullptr;
};

std::string column_text(sqlite3_stmt* stmt, int column) {
  const unsigned char* text = sqlite3_column_text(stmt, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

void copy_pages(const BackupDb& from, const BackupDb& to, const std::filesystem::path& source,
                int pages_per_step) {
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (!backup) to.fail("cannot start a backup of", source);
  int rc;
  while ((rc = sqlite3_backup_step(backup, pages_per_step)) == SQLITE_OK || rc == SQLITE_BUSY ||
         rc == SQLITE_LOCKED) {
    // Between steps the source is unlocked: the server's writer goes on.
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) to.fail("cannot back up", source);
}

}  // namespace

void sqlite_snapshot(const std::filesystem::path& source, const std::filesystem::path& target,
                     int pages_per_step) {
  if (!std::filesystem::exists(source))
    throw std::runtime_error("no database at " + source.string());
  if (std::filesystem::exists(target))
    throw std::runtime_error(target.string() + " exists already: no copy made over it");
  try {
    BackupDb from(source, SQLITE_OPEN_READONLY);
    BackupDb to(target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    copy_pages(from, to, source, pages_per_step);
    // The copy is a file on its own: no -wal or -shm beside it in the backup.
    if (sqlite3_exec(to.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) !=
        SQLITE_OK)
      to.fail("cannot finish the copy", target);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(target, ignored);
    throw;
  }
  file_io::UniqueFd fd = file_io::open_for_reading(target);
  file_io::fsync_fd(fd.get(), target);
}

std::vector<ReferencedContent> sqlite_referenced_contents(const std::filesystem::path& database) {
  BackupDb db(database, SQLITE_OPEN_READONLY);
  std::map<std::string, ReferencedContent> contents;
  const auto add = [&](sqlite3_stmt* row) {
    ReferencedContent content{column_text(row, 0),
                              static_cast<std::uint64_t>(sqlite3_column_int64(row, 1)),
                              column_text(row, 2)};
    contents.try_emplace(content.sha256, std::move(content));
  };
  // One read transaction: both lists come from the same state of the file.
  db.each_row("BEGIN", database, [](sqlite3_stmt*) {});
  db.each_row(kReferencedFileVersionsSql, database, add);
  db.each_row(kReferencedPhotosSql, database, add);
  db.each_row("COMMIT", database, [](sqlite3_stmt*) {});
  std::vector<ReferencedContent> all;
  all.reserve(contents.size());
  for (auto& entry : contents)
    all.push_back(std::move(entry.second));
  return all;
}

std::vector<std::string> sqlite_integrity_problems(const std::filesystem::path& database) {
  BackupDb db(database, SQLITE_OPEN_READONLY);
  std::vector<std::string> problems;
  db.each_row("PRAGMA integrity_check", database, [&](sqlite3_stmt* row) {
    const std::string line = column_text(row, 0);
    if (line != "ok") problems.push_back("database " + database.string() + ": " + line);
  });
  db.each_row("PRAGMA foreign_key_check", database, [&](sqlite3_stmt* row) {
    problems.push_back("database " + database.string() + ": a row of " + column_text(row, 0) +
                       " (rowid " + column_text(row, 1) + ") names a missing row of " +
                       column_text(row, 2));
  });
  return problems;
}

}  // namespace projectd
