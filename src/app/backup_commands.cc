#include "app/backup_commands.h"

#include "app/config.h"

#include <stdexcept>
#include <string_view>

namespace projectd {

void add_backup_commands(CLI::App& app, BackupCommandArgs& args) {
  // A command on a portal: --data/--store, and --blobs when it reads the portal's contents.
  const auto portal_command = [&](const char* name, const char* help, bool blobs) {
    CLI::App* command = app.add_subcommand(name, help);
    add_store_flags(command, args.store);
    if (blobs) {
      command->add_option("--blobs", args.blobs_dir, "File contents directory (default DATA/blobs)")
          ->envname("PROJECTD_BLOBS");
    }
    return command;
  };
  args.backup_command = portal_command(
      "backup",
      "Back up the portal (database, then file contents, then manifest.json) into an empty "
      "directory, or incrementally into an earlier backup",
      true);
  args.backup_command
      ->add_option("--to", args.to, "The backup directory: absent, empty, or an earlier backup")
      ->required();
  args.restore_command = portal_command(
      "restore",
      "Restore a backup into an empty data directory (SQLite) or an empty database and blobs "
      "directory (PostgreSQL), checking every SHA-256",
      true);
  args.restore_command->add_option("--from", args.from, "The backup directory")->required();
  args.verify_command = portal_command(
      "verify",
      "Check the database's integrity and every referenced file content's SHA-256 (exit 1 on a "
      "problem), report orphans as warnings; or check a backup against its manifest",
      true);
  args.verify_command->add_option("--backup", args.backup,
                                  "Check this backup directory instead of a portal");
  args.verify_command
      ->add_option("--blob-grace-seconds", args.blob_grace_seconds,
                   "An unreferenced content younger than this is not an orphan yet (the server "
                   "keeps it that long)")
      ->envname("PROJECTD_BLOB_GRACE_SECONDS")
      ->check(CLI::Range(0, 30 * 86400))
      ->capture_default_str();
}

std::optional<int> run_backup_command(const BackupCommandArgs& args) {
  if (args.backup_command->parsed()) return run_backup(args);
  if (args.restore_command->parsed()) return run_restore(args);
  if (args.verify_command->parsed()) return run_verify(args);
  return std::nullopt;
}

PortalDatabase portal_database_of(const StoreFlags& store) {
  const std::string url = store_url_of(store.store_url, store.data_dir);
  constexpr std::string_view kSqlite = "sqlite:";
  PortalDatabase database;
  if (url.starts_with(kSqlite)) {
    database.sqlite_file = url.substr(kSqlite.size());
  } else if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    database.postgres = true;
    database.url = url;
  } else {
    throw std::runtime_error(
        "--store must be sqlite:PATH or postgresql://USER@HOST/DATABASE (the URL given is "
        "neither)");
  }
  return database;
}

std::string blobs_dir_of(const BackupCommandArgs& args) {
  return args.blobs_dir.empty() ? args.store.data_dir + "/blobs" : args.blobs_dir;
}

}  // namespace projectd
