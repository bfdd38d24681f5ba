// PostgreSQL's spelling of the SQL fragments of sql_dialect.h, written to answer exactly as SQLite
// does: ASCII-only case folding, and text ordered by its bytes after that folding. The "C"
// collation gives both: under it lower() and ILIKE fold A-Z only, and comparison is by bytes.
//
// Thread safety: immutable; any thread.
#pragma once

#include "store/sql/sql_dialect.h"

namespace projectd {

class PostgresDialect final : public SqlDialect {
 public:
  static const PostgresDialect& instance();

  // `jsonb_array_elements_text(?N::jsonb) WITH ORDINALITY AS jN(value, key)`; for kInt the values
  // are cast to bigint in a subquery. The alias jN is fixed by the fragment, so a statement may
  // read two lists (they are numbered by their parameter). `key` counts from 1 (SQLite's from 0);
  // it is meant for ORDER BY only.
  std::string json_values(int parameter, SqlType type) const override;
  // `jsonb_array_length(?N::jsonb)`.
  std::string json_length(int parameter) const override;
  // `lower((e) COLLATE "C")`; indexes for such orders are created on the same expression.
  std::string nocase(std::string_view expression) const override;
  // `lower((e) COLLATE "C")`, the same as nocase().
  std::string ascii_lower(std::string_view expression) const override;
  // JOIN: PostgreSQL's planner orders joins by their cost; CROSS JOIN ... ON is SQLite's only.
  std::string claim_rows() const override { return " FOR UPDATE SKIP LOCKED"; }
  // pg_try_advisory_xact_lock, answered as 1 or 0 (the cursors read integers).
  std::string try_transaction_lock() const override {
    return "SELECT CASE WHEN pg_try_advisory_xact_lock(?1) THEN 1 ELSE 0 END";
  }
  // Migration 0024: an event's transaction and every older one have ended.
  std::string settled_events() const override {
    return " WHERE xid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY xid, id";
  }
  // `(e) COLLATE "C" ILIKE p ESCAPE '\'`.
  std::string like(std::string_view expression, std::string_view pattern) const override;
};

}  // namespace projectd
