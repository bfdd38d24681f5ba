#include "store/postgres/postgres_cursor.h"

#include <libpq-fe.h>

#include <charconv>
#include <system_error>
#include <type_traits>
#include <utility>

namespace projectd {
namespace {

static_assert(std::is_same_v<Oid, unsigned>, "PostgresConnection::run passes OIDs as unsigned");

// The built-in type OIDs (catalog/pg_type_d.h, which only the server headers ship).
constexpr Oid kInt8Oid = 20;
constexpr Oid kTextOid = 25;
constexpr Oid kUnknownOid = 0;  // the server infers the type from the SQL

Oid oid_of(SqlType type) {
  switch (type) {
    case SqlType::kInt:
      return kInt8Oid;
    case SqlType::kText:
      return kTextOid;
    case SqlType::kUnknown:
      break;
  }
  return kUnknownOid;
}

[[noreturn]] void misuse(std::string what) {
  throw SqlError(ErrorKind::kInternal, "Internal store error: " + std::move(what));
}

}  // namespace

PostgresCursor* PostgresCursorPool::lease(PostgresConnection& connection) {
  if (idle != nullptr) return std::exchange(idle, idle->next_idle_);
  cursors.push_back(std::make_unique<PostgresCursor>(connection, *this));
  return cursors.back().get();
}

PostgresCursor::PostgresCursor(PostgresConnection& connection, PostgresCursorPool& pool)
    : connection_(connection), pool_(&pool), sql_(&pool.sql) {
  size_bindings();
}

PostgresCursor::PostgresCursor(PostgresConnection& connection, PostgresSql sql)
    : connection_(connection), pool_(nullptr), own_sql_(std::move(sql)), sql_(&own_sql_) {
  size_bindings();
}

PostgresCursor::~PostgresCursor() = default;

void PostgresCursor::size_bindings() {
  const auto count = static_cast<std::size_t>(sql_->parameter_count);
  values_.resize(count);
  null_.assign(count, true);
  types_.assign(count, kUnknownOid);
  pointers_.resize(count);
}

std::size_t PostgresCursor::slot(int index) const {
  if (index < 1 || index > sql_->parameter_count) {
    misuse("parameter ?" + std::to_string(index) + " is not in the statement");
  }
  return static_cast<std::size_t>(index - 1);
}

void PostgresCursor::bind_int(int index, std::int64_t value) {
  std::size_t i = slot(index);
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, value);
  values_[i].assign(digits, end);
  null_[i] = false;
  types_[i] = kInt8Oid;
}

void PostgresCursor::bind_text(int index, std::string_view value) {
  std::size_t i = slot(index);
  // Text parameters travel NUL-terminated, and PostgreSQL text cannot hold a NUL at all: refuse
  // rather than store a silently shortened value.
  if (value.find('\0') != std::string_view::npos) {
    throw SqlError(ErrorKind::kBadRequest, "Text must not contain NUL characters");
  }
  values_[i].assign(value);
  null_[i] = false;
  types_[i] = kTextOid;
}

void PostgresCursor::bind_null(int index, SqlType type) {
  std::size_t i = slot(index);
  values_[i].clear();
  null_[i] = true;
  types_[i] = oid_of(type);
}

bool PostgresCursor::step() {
  if (!executed_) {
    executed_ = true;
    for (std::size_t i = 0; i < values_.size(); ++i) {
      pointers_[i] = null_[i] ? nullptr : values_[i].c_str();
    }
    result_ = connection_.run(sql_->text, sql_->parameter_count, types_.data(), pointers_.data());
    rows_ = PQntuples(result_.get());
  }
  if (row_ < rows_) ++row_;
  return row_ < rows_;
}

void PostgresCursor::check_column(int column) const {
  if (!result_ || row_ < 0 || row_ >= rows_) misuse("a column was read without a row");
  if (column < 0 || column >= PQnfields(result_.get())) {
    misuse("column " + std::to_string(column) + " is not in the result");
  }
}

bool PostgresCursor::is_null(int column) const {
  check_column(column);
  return PQgetisnull(result_.get(), row_, column) != 0;
}

std::int64_t PostgresCursor::int64(int column) const {
  if (is_null(column)) return 0;
  std::string_view value(PQgetvalue(result_.get(), row_, column),
                         static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
  // Booleans (EXISTS, comparisons) read as SQLite's 1 and 0.
  if (value == "t") return 1;
  if (value == "f") return 0;
  std::int64_t number = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size()) {
    misuse("column " + std::to_string(column) + " is not a 64-bit integer");
  }
  return number;
}

std::string PostgresCursor::text(int column) const {
  if (is_null(column)) return {};
  return std::string(PQgetvalue(result_.get(), row_, column),
                     static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
}

void PostgresCursor::release() noexcept {
  for (std::size_t i = 0; i < values_.size(); ++i) {
    values_[i].clear();
    null_[i] = true;
    types_[i] = kUnknownOid;
  }
  result_.reset();
  rows_ = 0;
  row_ = -1;
  executed_ = false;
  if (pool_ == nullptr) {
    delete this;  // a one-use cursor: nobody else owns it
    return;
  }
  next_idle_ = std::exchange(pool_->idle, this);
}

}  // namespace projectd
