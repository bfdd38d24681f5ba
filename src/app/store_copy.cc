#include "app/store_copy.h"

#include "app/store_catalog.h"
#include "store/migrations.h"
#include "store/postgres/postgres_connection.h"
#include "store/sql/sql_tables.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_migrator.h"
#include "store/store.h"

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>

namespace projectd {
namespace {

constexpr std::size_t kMaxRowsPerInsert = 500;
constexpr std::size_t kMaxParametersPerInsert = 16000;

using Row = std::vector<std::optional<std::string>>;

double seconds_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

StoreKind kind_of(const std::string& url) {
  return url.starts_with("sqlite:") ? StoreKind::kSqlite : StoreKind::kPostgres;
}

// The URL was checked by open_store or migrate_store before this is called.
std::unique_ptr<SqlConnection> connect(const std::string& url, bool read_only) {
  if (kind_of(url) == StoreKind::kPostgres) return std::make_unique<PostgresConnection>(url);
  SqliteConnection::Options options;
  options.query_only = read_only;
  return std::make_unique<SqliteConnection>(url.substr(std::string_view("sqlite:").size()),
                                            options);
}

std::string column_list(const std::vector<CatalogColumn>& columns) {
  std::string list;
  for (const CatalogColumn& column : columns)
    list += (list.empty() ? "" : ", ") + quote_identifier(column.name);
  return list;
}

std::int64_t single_int(SqlConnection& db, const std::string& sql) {
  SqlStatement statement = db.prepare(sql);
  return statement.step() && !statement.is_null(0) ? statement.int64(0) : 0;
}

// The rows each table holds right after a fresh migration (the @common folder), found by migrating
// a throwaway SQLite file: a target holding more than that already holds a portal.
std::map<std::string, std::int64_t> fresh_row_counts(const Catalog& catalog) {
  std::string dir = (std::filesystem::temp_directory_path() / "projectd-copy-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) throw std::runtime_error("cannot make a temporary directory");
  std::map<std::string, std::int64_t> counts;
  try {
    SqliteConnection fresh(dir + "/fresh.db", SqliteConnection::Options{});
    apply_migrations(fresh, all_migrations());
    for (const auto& [name, table] : catalog.tables) {
      SqlStatement exists =
          fresh.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
      exists.bind_all(name);
      if (!exists.step()) continue;
      counts[name] = count_table_rows(fresh, name);
    }
  } catch (...) {
    std::filesystem::remove_all(dir);
    throw;
  }
  std::filesystem::remove_all(dir);
  return counts;
}

void require_empty_target(SqlConnection& target, const Catalog& catalog) {
  const auto fresh = fresh_row_counts(catalog);
  for (const auto& [name, table] : catalog.tables) {
    const std::int64_t rows = count_table_rows(target, name);
    const auto seeded = fresh.find(name);
    if (rows > (seeded == fresh.end() ? 0 : seeded->second)) {
      throw std::runtime_error("the target already holds a portal (its table " + name +
                               " has rows); a copy is never a merge: copy into an empty database");
    }
  }
}

// Removes what the migrations seeded, children first, so the source's rows take their place.
void clear_target(SqlConnection& target, const Catalog& catalog, const CopyPlan& plan) {
  for (auto it = plan.order.rbegin(); it != plan.order.rend(); ++it)
    target.execute("DELETE FROM " + quote_identifier(*it));
  for (const std::string& name : catalog.built_by_triggers)
    target.execute("DELETE FROM " + quote_identifier(name));
}

class TableCopier {
 public:
  TableCopier(SqlConnection& source, SqlConnection& target, const CatalogTable& table,
              const std::set<std::string>& deferred, ProgressReport* progress)
      : source_(source), target_(target), table_(table), progress_(progress) {
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      if (deferred.contains(table.columns[i].name)) deferred_.push_back(i);
      if (table.columns[i].primary_key) key_.push_back(i);
    }
    if (!deferred_.empty() && key_.empty()) {
      throw std::runtime_error("the table " + table.name +
                               " refers to itself but has no primary key to set the reference by");
    }
    rows_per_insert_ = std::clamp<std::size_t>(
        kMaxParametersPerInsert / std::max<std::size_t>(1, table.columns.size()), 1,
        kMaxRowsPerInsert);
  }

  std::int64_t run() {
    std::string sql =
        "SELECT " + column_list(table_.columns) + " FROM " + quote_identifier(table_.name);
    if (!key_.empty()) {
      sql += " ORDER BY ";
      for (std::size_t i = 0; i < key_.size(); ++i)
        sql += (i == 0 ? "" : ", ") + quote_identifier(table_.columns[key_[i]].name);
    }
    SqlStatement rows = source_.prepare(sql);
    while (rows.step()) {
      Row row;
      for (std::size_t i = 0; i < table_.columns.size(); ++i) {
        if (rows.is_null(static_cast<int>(i))) {
          row.emplace_back();
        } else {
          row.emplace_back(rows.text(static_cast<int>(i)));
        }
      }
      batch_.push_back(std::move(row));
      if (batch_.size() == rows_per_insert_) flush();
    }
    flush();
    set_deferred();
    return copied_;
  }

 private:
  // Binds a value read as text by the target column's type, so an integer travels as one.
  void bind(SqlStatement& statement, int index, std::size_t column,
            const std::optional<std::string>& value) {
    const SqlType type = table_.columns[column].type;
    if (!value) {
      statement.bind_null(index, type);
    } else if (type == SqlType::kInt) {
      statement.bind_int(index, parse_int(*value, column));
    } else {
      statement.bind_text(index, *value);
    }
  }

  std::int64_t parse_int(const std::string& text, std::size_t column) const {
    std::size_t end = 0;
    std::int64_t value = 0;
    try {
      value = std::stoll(text, &end);
    } catch (const std::exception&) {
      end = 0;
    }
    if (end == 0 || end != text.size()) {
      throw std::runtime_error("the source's " + table_.name + "." + table_.columns[column].name +
                               " holds '" + text + "' where the target wants an integer");
    }
    return value;
  }

  void flush() {
    if (batch_.empty()) return;
    const std::size_t width = table_.columns.size();
    std::string sql = "INSERT INTO " + quote_identifier(table_.name) + " (" +
                      column_list(table_.columns) + ") VALUES ";
    int parameter = 0;
    for (std::size_t r = 0; r < batch_.size(); ++r) {
      sql += r == 0 ? "(" : ", (";
      for (std::size_t c = 0; c < width; ++c)
        sql += (c == 0 ? "?" : ", ?") + std::to_string(++parameter);
      sql += ")";
    }
    SqlStatement insert = target_.prepare(sql);
    parameter = 0;
    for (const Row& row : batch_) {
      for (std::size_t c = 0; c < width; ++c) {
        const bool is_deferred =
            std::find(deferred_.begin(), deferred_.end(), c) != deferred_.end();
        bind(insert, ++parameter, c, is_deferred ? std::nullopt : row[c]);
      }
      if (std::any_of(deferred_.begin(), deferred_.end(),
                      [&](std::size_t c) { return row[c].has_value(); })) {
        later_.push_back(row);
      }
    }
    insert.run();
    copied_ += static_cast<std::int64_t>(batch_.size());
    batch_.clear();
    if (progress_ != nullptr) progress_->table_rows(copied_);
  }

  // Second pass: every row is in, so references to the same table (or closing a cycle) hold.
  void set_deferred() {
    if (later_.empty()) return;
    std::string sql = "UPDATE " + quote_identifier(table_.name) + " SET ";
    int parameter = 0;
    for (std::size_t c : deferred_) {
      sql += (parameter == 0 ? "" : ", ") + quote_identifier(table_.columns[c].name) + " = ?" +
             std::to_string(parameter + 1);
      ++parameter;
    }
    sql += " WHERE ";
    for (std::size_t i = 0; i < key_.size(); ++i) {
      sql += (i == 0 ? "" : " AND ") + quote_identifier(table_.columns[key_[i]].name) + " = ?" +
             std::to_string(++parameter);
    }
    for (const Row& row : later_) {
      SqlStatement update = target_.prepare(sql);
      int index = 0;
      for (std::size_t c : deferred_)
        bind(update, ++index, c, row[c]);
      for (std::size_t c : key_)
        bind(update, ++index, c, row[c]);
      update.run();
    }
  }

  SqlConnection& source_;
  SqlConnection& target_;
  const CatalogTable& table_;
  ProgressReport* progress_;
  std::int64_t copied_ = 0;
  std::vector<std::size_t> deferred_;
  std::vector<std::size_t> key_;
  std::size_t rows_per_insert_ = 1;
  std::vector<Row> batch_;
  std::vector<Row> later_;
};

// The highest id the source ever handed out for table.column (deleted rows included): SQLite's
// sqlite_sequence, PostgreSQL's sequence.
std::int64_t high_water(SqlConnection& source, StoreKind kind, const std::string& table,
                        const std::string& column) {
  SqlStatement statement =
      kind == StoreKind::kSqlite
          ? source.prepare("SELECT seq FROM sqlite_sequence WHERE name = ?1")
          : source.prepare(
                "SELECT pg_sequence_last_value(pg_get_serial_sequence(?1, ?2)::regclass)");
  statement.bind_text(1, table);
  if (kind == StoreKind::kPostgres) statement.bind_text(2, column);
  return statement.step() && !statement.is_null(0) ? statement.int64(0) : 0;
}

// New rows in the target get ids above every id the source used.
void advance_identities(SqlConnection& source, StoreKind source_kind, SqlConnection& target,
                        StoreKind target_kind, const CatalogTable& table) {
  for (const CatalogColumn& column : table.columns) {
    if (!column.identity) continue;
    const std::int64_t high =
        std::max(high_water(source, source_kind, table.name, column.name),
                 single_int(target, "SELECT max(" + quote_identifier(column.name) + ") FROM " +
                                        quote_identifier(table.name)));
    if (target_kind == StoreKind::kPostgres) {
      SqlStatement set =
          target.prepare(high > 0 ? "SELECT setval(pg_get_serial_sequence(?1, ?2), ?3)"
                                  : "SELECT setval(pg_get_serial_sequence(?1, ?2), 1, false)");
      set.bind_text(1, table.name);
      set.bind_text(2, column.name);
      if (high > 0) set.bind_int(3, high);
      set.step();
      continue;
    }
    target.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?2) WHERE name = ?1")
        .bind_all(table.name, high)
        .run();
    if (target.changes() == 0 && high > 0) {
      target.prepare("INSERT INTO sqlite_sequence (name, seq) VALUES (?1, ?2)")
          .bind_all(table.name, high)
          .run();
    }
  }
}

std::vector<Row> sorted_rows(SqlConnection& db, const CatalogTable& table) {
  SqlStatement statement =
      db.prepare("SELECT " + column_list(table.columns) + " FROM " + quote_identifier(table.name));
  std::vector<Row> rows;
  while (statement.step()) {
    Row row;
    for (std::size_t i = 0; i < table.columns.size(); ++i)
      row.push_back(statement.optional_text(static_cast<int>(i)));
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

// What the target's triggers built must be what the source holds (task_counts from tasks).
std::int64_t check_built_table(SqlConnection& source, SqlConnection& target,
                               const CatalogTable& table) {
  const std::vector<Row> built = sorted_rows(target, table);
  if (built != sorted_rows(source, table)) {
    throw std::runtime_error("the table " + table.name +
                             ", which the target's triggers build, differs from the source's");
  }
  return static_cast<std::int64_t>(built.size());
}

void rollback(SqlConnection& db) {
  try {
    if (db.in_transaction()) db.execute("ROLLBACK");
  } catch (const std::exception&) {
    // Closing the connection rolls back too; the original error is what matters.
  }
}

// The source's rows of every table, one count each, so the progress knows the whole copy's size.
std::map<std::string, std::int64_t> source_row_counts(SqlConnection& source,
                                                      const Catalog& catalog) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& [name, table] : catalog.tables)
    counts[name] = count_table_rows(source, name);
  return counts;
}

CopyReport copy_tables(SqlConnection& source, StoreKind source_kind, SqlConnection& target,
                       StoreKind target_kind, ProgressReport* progress) {
  const Catalog catalog = read_catalog(target, target_kind);
  const CopyPlan plan = plan_copy(catalog);
  require_empty_target(target, catalog);
  clear_target(target, catalog, plan);
  std::map<std::string, std::int64_t> counts;
  if (progress != nullptr) {
    counts = source_row_counts(source, catalog);
    std::int64_t total = 0;
    for (const std::string& name : plan.order)
      total += counts[name];
    progress->copy_started(total);
  }
  CopyReport report;
  for (const std::string& name : plan.order) {
    if (progress != nullptr) progress->table_started(name, counts[name]);
    const auto started = std::chrono::steady_clock::now();
    const CatalogTable& table = catalog.tables.at(name);
    const auto deferred = plan.deferred_columns.find(name);
    const std::set<std::string> none;
    TableCopier copier(source, target, table,
                       deferred == plan.deferred_columns.end() ? none : deferred->second, progress);
    report.tables.push_back({name, copier.run(), false});
    report.total_rows += report.tables.back().rows;
    advance_identities(source, source_kind, target, target_kind, table);
    report.tables.back().seconds = seconds_since(started);
    if (progress != nullptr) progress->table_finished(report.tables.back().rows);
  }
  for (const std::string& name : catalog.built_by_triggers) {
    if (progress != nullptr) progress->table_started(name, counts[name], true);
    const auto started = std::chrono::steady_clock::now();
    const std::int64_t rows = check_built_table(source, target, catalog.tables.at(name));
    report.tables.push_back({name, rows, true, seconds_since(started)});
    if (progress != nullptr) progress->table_finished(rows);
  }
  return report;
}

}  // namespace

CopyReport copy_store(const std::string& from_url, const std::string& to_url,
                      ProgressReport* progress) {
  const auto started = std::chrono::steady_clock::now();
  try {
    open_store(StoreOptions{from_url}, false)->close();
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("the source cannot be copied: ") + e.what());
  }
  try {
    migrate_store(StoreOptions{to_url});
  } catch (const std::exception& e) {
    throw std::runtime_error(std::string("the target cannot be brought to the schema: ") +
                             e.what());
  }
  const StoreKind source_kind = kind_of(from_url);
  const StoreKind target_kind = kind_of(to_url);
  auto source = connect(from_url, true);
  auto target = connect(to_url, false);
  CopyReport report;
  try {
    // One snapshot of the source; the target is written in one transaction.
    source->execute(source_kind == StoreKind::kSqlite
                        ? "BEGIN"
                        : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    target->execute(target_kind == StoreKind::kSqlite ? "BEGIN IMMEDIATE"
                                                      : "BEGIN ISOLATION LEVEL SERIALIZABLE");
    report = copy_tables(*source, source_kind, *target, target_kind, progress);
    target->execute("COMMIT");
    source->execute("COMMIT");
  } catch (const std::exception& e) {
    rollback(*target);
    rollback(*source);
    throw std::runtime_error(std::string("the copy failed and the target was left unchanged: ") +
                             e.what());
  }
  report.seconds = seconds_since(started);
  return report;
}

}  // namespace projectd
