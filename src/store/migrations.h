// The schema as numbered SQL migrations (src/store/migrations/NNNN_name.sql), compiled into the
// binary in order. Each runs once, in its own transaction, and is recorded in schema_migrations.
#pragma once

#include <functional>
#include <span>
#include <string_view>

namespace projectd {

struct Migration {
  int number;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> all_migrations();

// Told of each migration right after its transaction commits, with the seconds it took (the
// progress lines of `projectd migrate`). Called on the migrating thread.
using MigrationApplied = std::function<void(const Migration&, double seconds)>;

}  // namespace projectd
