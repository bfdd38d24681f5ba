// The SqlCursor of PostgresConnection: the bindings of one statement as text values with their
// types, and the whole result of its run, walked row by row. A connection keeps a pool of cursors
// per SQL text, so a statement leased again while it is still in use (a nested lease) gets a
// cursor of its own; the server-side prepared statement is shared by name.
//
// Column reads follow SQLite's: NULL reads as 0 and "", int64() also takes booleans (t/f).
//
// Thread safety: none; the connection's thread.
#pragma once

#include "store/postgres/postgres_connection.h"
#include "store/postgres/postgres_placeholders.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

class PostgresCursor;

// The cursors of one SQL text. Cursors stay allocated for the connection's life (their number is
// the deepest nesting of that text), linked into `idle` while nobody leases them.
struct PostgresCursorPool {
  explicit PostgresCursorPool(PostgresSql translated) : sql(std::move(translated)) {}
  PostgresCursor* lease(PostgresConnection& connection);

  PostgresSql sql;
  std::vector<std::unique_ptr<PostgresCursor>> cursors;
  PostgresCursor* idle = nullptr;
};

class PostgresCursor final : public SqlCursor {
 public:
  // A pooled cursor: release() returns it to the pool.
  PostgresCursor(PostgresConnection& connection, PostgresCursorPool& pool);
  // A one-use cursor (the pools are full): release() deletes it.
  PostgresCursor(PostgresConnection& connection, PostgresSql sql);
  ~PostgresCursor();
  PostgresCursor(const PostgresCursor&) = delete;
  PostgresCursor& operator=(const PostgresCursor&) = delete;

  void bind_int(int index, std::int64_t value) override;
  void bind_text(int index, std::string_view value) override;
  void bind_null(int index, SqlType type) override;
  int parameter_count() const override { return sql_->parameter_count; }
  bool step() override;
  bool is_null(int column) const override;
  std::int64_t int64(int column) const override;
  std::string text(int column) const override;
  void release() noexcept override;

 private:
  friend struct PostgresCursorPool;

  void size_bindings();
  std::size_t slot(int index) const;
  void check_column(int column) const;

  PostgresConnection& connection_;
  PostgresCursorPool* pool_;  // nullptr for a one-use cursor
  PostgresCursor* next_idle_ = nullptr;
  PostgresSql own_sql_;  // a one-use cursor's SQL
  const PostgresSql* sql_;

  std::vector<std::string> values_;
  std::vector<bool> null_;
  std::vector<unsigned> types_;
  std::vector<const char*> pointers_;

  SharedPgResult result_;
  int rows_ = 0;
  int row_ = -1;
  bool executed_ = false;
};

}  // namespace projectd
