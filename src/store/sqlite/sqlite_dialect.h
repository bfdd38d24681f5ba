// SQLite's spelling of the fragments of SqlDialect: json_each, NOCASE and LIKE (which already
// ignores ASCII case only).
#pragma once

#include "store/sql/sql_dialect.h"

namespace projectd {

class SqliteDialect final : public SqlDialect {
 public:
  static const SqliteDialect& instance();

  std::string json_values(int parameter, SqlType type) const override;
  std::string json_length(int parameter) const override;
  std::string nocase(std::string_view expression) const override;
  std::string ascii_lower(std::string_view expression) const override;
  std::string claim_rows() const override { return ""; }
  std::string try_transaction_lock() const override { return ""; }
  std::string settled_events() const override { return " ORDER BY id"; }
  std::string like(std::string_view expression, std::string_view pattern) const override;
};

}  // namespace projectd
