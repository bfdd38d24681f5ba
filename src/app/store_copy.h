// `projectd copy`: moves a portal from one store to another (documented: SQLite -> PostgreSQL; any
// pair of sqlite: and postgresql:// URLs works).
//
// The source must be at the binary's schema (else: run `projectd migrate`); the target is migrated
// first and must hold nothing but what a fresh migration puts there (else: it already holds a
// portal, and a copy is never a merge). Every table of the target's catalog except
// schema_migrations is copied with every column, from one snapshot of the source, in one target
// transaction: all or nothing. Tables are inserted parents first (store_catalog.h); references to
// the same table or closing a cycle are inserted NULL and set once every row is in. Tables that the
// target's triggers write on insert (task_counts) are not copied: the triggers build them, and they
// are checked equal to the source's before the commit. Identity columns and SQLite's
// AUTOINCREMENT counters continue after the source's high-water mark, so new rows never take the
// id of a row the source deleted. File contents are not in the store: the operator copies the blob
// directory.
//
// Messages never repeat a URL (it may hold a password): they say "the source" and "the target".
//
// Progress (src/app/progress_report.h): each table's source rows are counted first, then the
// report is told of each table as it starts, of its rows as they are inserted, and as it ends.
//
// Thread safety: none needed; it opens its own connections. Nothing may write to the source or the
// target meanwhile (stop the servers).
#pragma once

#include "app/progress_report.h"

#include <cstdint>
#include <string>
#include <vector>

namespace projectd {

struct CopyReport {
  struct Table {
    std::string name;
    std::int64_t rows = 0;
    bool built_by_triggers = false;  // not copied: the target's triggers made these rows
    double seconds = 0;              // copying (or checking) it
  };
  std::vector<Table> tables;    // in the order they were copied
  std::int64_t total_rows = 0;  // rows copied, without those built by triggers
  double seconds = 0;
};

// Throws std::runtime_error saying what is wrong and with which side; the target is unchanged
// (apart from its schema being brought up to date) unless the copy completes.
CopyReport copy_store(const std::string& from_url, const std::string& to_url,
                      ProgressReport* progress = nullptr);

}  // namespace projectd
