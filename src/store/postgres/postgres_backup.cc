#include "store/postgres/postgres_backup.h"

#include "store/postgres/postgres_connection.h"
#include "store/postgres/postgres_migrations.h"
#include "store/postgres/postgres_migrator.h"

#include <libpq-fe.h>

#include <map>
#include <stdexcept>

namespace projectd {

namespace {

// libpq's conninfo quoting: the value in single quotes, a quote or backslash escaped.
std::string conninfo_value(const std::string& value) {
  std::string quoted = "'";
  for (const char c : value) {
    if (c == '\'' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "'";
}

std::vector<ReferencedContent> contents_in_transaction(PostgresConnection& connection) {
  std::map<std::string, ReferencedContent> contents;
  for (const char* sql : {kReferencedFileVersionsSql, kReferencedPhotosSql}) {
    SqlStatement rows = connection.prepare(sql);
    while (rows.step()) {
      ReferencedContent content{rows.text(0), static_cast<std::uint64_t>(rows.int64(1)),
                                rows.text(2)};
      contents.try_emplace(content.sha256, std::move(content));
    }
  }
  std::vector<ReferencedContent> all;
  all.reserve(contents.size());
  for (auto& entry : contents)
    all.push_back(std::move(entry.second));
  return all;
}

// A name from the catalog as an SQL identifier.
std::string backup_table_identifier(const std::string& name) {
  std::string quoted = "\"";
  for (const char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

PostgresToolConnection postgres_tool_connection(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  // The parse error may quote a piece of the URL, password included: not repeated.
  PQfreemem(error);
  if (options == nullptr) throw std::runtime_error("the PostgreSQL connection URL is malformed");
  PostgresToolConnection tool;
  for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    const std::string keyword = option->keyword;
    if (keyword == "password") {
      tool.password = option->val;
      continue;
    }
    if (!tool.conninfo.empty()) tool.conninfo += ' ';
    tool.conninfo += keyword + "=" + conninfo_value(option->val);
  }
  PQconninfoFree(options);
  return tool;
}

PostgresSnapshot::PostgresSnapshot(const std::string& url)
    : connection_(std::make_unique<PostgresConnection>(url)) {
  connection_->execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  SqlStatement exported = connection_->prepare("SELECT pg_export_snapshot()");
  if (!exported.step()) throw std::runtime_error("PostgreSQL exported no snapshot");
  id_ = exported.text(0);
}

PostgresSnapshot::~PostgresSnapshot() = default;

std::vector<ReferencedContent> PostgresSnapshot::referenced_contents() {
  return contents_in_transaction(*connection_);
}

void PostgresSnapshot::release() {
  if (connection_->in_transaction()) connection_->execute("COMMIT");
}

std::vector<ReferencedContent> postgres_referenced_contents(const std::string& url) {
  PostgresConnection connection(url);
  connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  std::vector<ReferencedContent> contents = contents_in_transaction(connection);
  connection.execute("COMMIT");
  return contents;
}

std::vector<std::string> postgres_user_tables(const std::string& url) {
  PostgresConnection connection(url);
  std::vector<std::string> tables;
  SqlStatement rows = connection.prepare(
      "SELECT table_schema || '.' || table_name FROM information_schema.tables "
      "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', "
      "'information_schema') ORDER BY 1");
  while (rows.step())
    tables.push_back(rows.text(0));
  return tables;
}

std::vector<std::string> postgres_database_problems(const std::string& url) {
  PostgresConnection connection(url);
  std::vector<std::string> problems;
  {
    PostgresMigrationTarget target(connection);
    const SchemaVersion version = schema_version(target, postgres_migrations());
    if (version.current != version.latest) {
      problems.push_back("database: schema version " + std::to_string(version.current) +
                         ", this projectd's is " + std::to_string(version.latest) +
                         (version.current < version.latest ? " (run `projectd migrate`)" : ""));
    }
  }
  std::vector<std::string> tables;
  {
    SqlStatement rows = connection.prepare(
        "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
        "AND table_schema = current_schema() ORDER BY 1");
    while (rows.step())
      tables.push_back(rows.text(0));
  }
  if (tables.empty()) problems.push_back("database: the portal's schema has no tables");
  // Each table read whole, each in its own statement, so one unreadable table names itself and
  // the others are still checked.
  for (const std::string& table : tables) {
    try {
      SqlStatement count =
          connection.prepare("SELECT count(*) FROM " + backup_table_identifier(table));
      while (count.step()) {
      }
    } catch (const std::exception& e) {
      problems.push_back("database: table " + table + " cannot be read: " + e.what());
    }
  }
  return problems;
}

}  // namespace projectd
