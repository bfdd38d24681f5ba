// The schema as numbered SQL migrations (src/store/migrations/NNNN_name.sql), compiled into the
// binary in order. Each runs once, in its own transaction, and is recorded in schema_migrations.
#pragma once

#include <span>
#include <string_view>

namespace projectd {

struct Migration {
  int number;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> all_migrations();

}  // namespace projectd
