#include "app/postgres_backup_tools.h"

#include "app/tool_process.h"
#include "blob/file_io.h"
#include "store/postgres/postgres_backup.h"

#include <stdexcept>

namespace projectd {

namespace {

constexpr const char* kPostgresClientPackage = "postgresql-client";

// Runs one PostgreSQL client tool on the database `url` names; throws its summarised failure.
void run_postgres_tool(const std::string& tool, const std::string& url,
                       std::vector<std::string> arguments) {
  const PostgresToolConnection connection = postgres_tool_connection(url);
  std::map<std::string, std::string> environment;
  if (!connection.password.empty()) environment.emplace("PGPASSWORD", connection.password);
  arguments.insert(arguments.begin(), {tool, "--dbname=" + connection.conninfo});
  const ToolResult result = run_tool(arguments, environment, kPostgresClientPackage);
  if (result.exit_code != 0)
    throw std::runtime_error(tool_failure_message(tool, result, connection.password));
}

}  // namespace

std::vector<ReferencedContent> dump_postgres_portal(const std::string& url,
                                                    const std::filesystem::path& target) {
  PostgresSnapshot snapshot(url);
  std::vector<ReferencedContent> contents = snapshot.referenced_contents();
  // pg_dump imports the snapshot, so it must run while this transaction is open.
  run_postgres_tool("pg_dump", url,
                    {"--format=custom", "--snapshot=" + snapshot.id(), "--no-owner",
                     "--no-privileges", "--file=" + target.string()});
  snapshot.release();
  file_io::UniqueFd fd = file_io::open_for_reading(target);
  file_io::fsync_fd(fd.get(), target);
  return contents;
}

void require_empty_postgres(const std::string& url) {
  const std::vector<std::string> tables = postgres_user_tables(url);
  if (!tables.empty()) {
    throw std::runtime_error("the target database has " + std::to_string(tables.size()) +
                             " tables (e.g. " + tables.front() +
                             "): restore only into a database without tables; nothing changed");
  }
}

void restore_postgres_dump(const std::string& url, const std::filesystem::path& dump) {
  run_postgres_tool(
      "pg_restore", url,
      {"--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", dump.string()});
}

}  // namespace projectd
