// `projectd verify` (app/backup_commands.h).
#include "app/backup_commands.h"
#include "app/backup_files.h"
#include "app/backup_manifest.h"
#include "store/postgres/postgres_backup.h"
#include "store/sqlite/sqlite_backup.h"

#include <chrono>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

namespace projectd {

namespace {

namespace fs = std::filesystem;

struct VerifyReport {
  std::vector<std::string> problems;
  std::vector<std::string> warnings;
};

bool is_content_name(const std::string& name) {
  return name.size() == 64 && name.find_first_not_of("0123456789abcdef") == std::string::npos;
}

// What lies in the blob store that nothing needs: contents no record references (older than the
// grace period: a younger one may be an upload committing right now), quarantined copies a crash
// left, and files left in the temp directories.
void find_orphans(const fs::path& blobs, const std::set<std::string>& referenced,
                  std::chrono::seconds grace, VerifyReport& report) {
  if (!fs::exists(blobs)) return;
  const auto cutoff = fs::file_time_type::clock::now() - grace;
  for (const auto& entry : fs::recursive_directory_iterator(blobs)) {
    if (!entry.is_regular_file()) continue;
    const fs::path relative = entry.path().lexically_relative(blobs);
    const std::string name = entry.path().filename().string();
    if (*relative.begin() == "tmp") {
      report.warnings.push_back(entry.path().string() +
                                ": left in the temp directory (an upload in flight, or a crash)");
    } else if (name.find(".gone-") != std::string::npos) {
      report.warnings.push_back(entry.path().string() +
                                ": a quarantined copy left by an interrupted removal");
    } else if (is_content_name(name) && !referenced.contains(name) &&
               entry.last_write_time() < cutoff) {
      report.warnings.push_back(entry.path().string() + ": orphan, no record references it");
    }
  }
}

VerifyReport verify_portal(const BackupCommandArgs& args) {
  const PortalDatabase database = portal_database_of(args.store);
  // What names the database in the summary: a PostgreSQL URL may hold a password.
  const std::string database_name =
      database.postgres ? "the PostgreSQL database" : "the database " + database.sqlite_file;
  if (!database.postgres && !fs::exists(database.sqlite_file))
    throw std::runtime_error("no database at " + database.sqlite_file);
  const fs::path blobs = blobs_dir_of(args);
  VerifyReport report;
  report.problems = database.postgres ? postgres_database_problems(database.url)
                                      : sqlite_integrity_problems(database.sqlite_file);
  if (database.postgres && !report.problems.empty()) {
    // Not this binary's schema, or a table unreadable: its contents cannot be listed reliably.
    std::printf("Checked %s; its contents were not checked.\n", database_name.c_str());
    return report;
  }
  const std::vector<ReferencedContent> contents =
      database.postgres ? postgres_referenced_contents(database.url)
                        : sqlite_referenced_contents(database.sqlite_file);
  std::set<std::string> referenced;
  for (const ReferencedContent& content : contents) {
    referenced.insert(content.sha256);
    const fs::path path = blobs / content.sha256.substr(0, 2) / content.sha256;
    if (!fs::is_regular_file(path)) {
      report.problems.push_back(path.string() + ": missing, the content of " + content.record);
      continue;
    }
    const HashedFile found = hash_file(path);
    if (found.sha256 != content.sha256) {
      report.problems.push_back(path.string() + ": damaged, its bytes hash to " + found.sha256 +
                                " (the content of " + content.record + ")");
    }
  }
  find_orphans(blobs, referenced, std::chrono::seconds(args.blob_grace_seconds), report);
  std::printf("Checked %s and %zu contents in %s.\n", database_name.c_str(), referenced.size(),
              blobs.c_str());
  return report;
}

}  // namespace

int run_verify(const BackupCommandArgs& args) {
  VerifyReport report;
  if (!args.backup.empty()) {
    const BackupManifest manifest = read_manifest(args.backup);
    report.problems = backup_problems(args.backup, manifest);
    std::printf("Checked the backup %s of %s: the database and %zu contents.\n",
                args.backup.c_str(), manifest.created.c_str(), manifest.blobs.size());
  } else {
    report = verify_portal(args);
  }
  for (const std::string& problem : report.problems)
    std::printf("problem: %s\n", problem.c_str());
  for (const std::string& warning : report.warnings)
    std::printf("warning: %s\n", warning.c_str());
  std::printf("%zu problems, %zu warnings.\n", report.problems.size(), report.warnings.size());
  return report.problems.empty() ? 0 : 1;
}

}  // namespace projectd
