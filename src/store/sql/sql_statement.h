// A statement leased from an SqlConnection (SQLite or PostgreSQL), with the typed bind/step/column
// helpers every repository uses. Values always travel as bound parameters, written ?1, ?2... in
// the SQL; no value is ever spliced into SQL.
//
// Thread safety: none; a statement belongs to its connection's thread and must not outlive it.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

namespace projectd {

// What a parameter holds. PostgreSQL plans a prepared statement for its parameters' types, so a
// NULL still says which type it stands for; kUnknown lets the server infer it from the SQL.
enum class SqlType { kUnknown, kInt, kText };

// One backend statement. The connection owns it; SqlStatement leases it.
class SqlCursor {
 public:
  virtual void bind_int(int index, std::int64_t value) = 0;
  virtual void bind_text(int index, std::string_view value) = 0;
  virtual void bind_null(int index, SqlType type) = 0;
  // The largest parameter index the SQL uses.
  virtual int parameter_count() const = 0;
  // Advances to the next row: true when a row is ready, false when the statement is done. The
  // first call runs the statement.
  virtual bool step() = 0;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t int64(int column) const = 0;
  virtual std::string text(int column) const = 0;
  // The lease ended: forget the bindings and the rows, so the next user starts clean (or free a
  // statement that was prepared for one use).
  virtual void release() noexcept = 0;

 protected:
  ~SqlCursor() = default;
};

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <class T>
struct IsVariant : std::false_type {};
template <class... Ts>
struct IsVariant<std::variant<Ts...>> : std::true_type {};

class SqlStatement {
 public:
  explicit SqlStatement(SqlCursor* cursor) : cursor_(cursor) {}
  SqlStatement(SqlStatement&& other) noexcept : cursor_(std::exchange(other.cursor_, nullptr)) {}
  SqlStatement& operator=(SqlStatement&&) = delete;
  SqlStatement(const SqlStatement&) = delete;
  SqlStatement& operator=(const SqlStatement&) = delete;
  ~SqlStatement() {
    if (cursor_ != nullptr) cursor_->release();
  }

  // Binds args to parameters 1..n. Accepts integers, enums, bool, Timestamp, strings,
  // std::nullopt, and std::optional or std::variant of those.
  template <class... Args>
  SqlStatement& bind_all(const Args&... args) {
    int index = 0;
    (bind(++index, args), ...);
    return *this;
  }
  template <class T>
  void bind(int index, const T& value);
  void bind_int(int index, std::int64_t value) { cursor_->bind_int(index, value); }
  void bind_text(int index, std::string_view value) { cursor_->bind_text(index, value); }
  void bind_null(int index, SqlType type = SqlType::kUnknown) { cursor_->bind_null(index, type); }
  int parameter_count() const { return cursor_->parameter_count(); }

  bool step() { return cursor_->step(); }
  // Runs a statement that returns no rows; throws ApiError(kInternal) if it returns one.
  void run();
  // Runs an INSERT ... RETURNING id (both databases spell it so) and returns the id.
  std::int64_t run_returning_id();

  bool is_null(int column) const { return cursor_->is_null(column); }
  std::int64_t int64(int column) const { return cursor_->int64(column); }
  std::string text(int column) const { return cursor_->text(column); }
  Timestamp timestamp(int column) const { return from_ticks(int64(column)); }
  std::optional<std::int64_t> optional_int64(int column) const;
  std::optional<std::string> optional_text(int column) const;
  std::optional<Timestamp> optional_timestamp(int column) const;

 private:
  template <class T>
  static constexpr SqlType type_of() {
    if constexpr (std::is_integral_v<T> || std::is_enum_v<T> || std::is_same_v<T, Timestamp>) {
      return SqlType::kInt;
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
      return SqlType::kText;
    } else {
      return SqlType::kUnknown;
    }
  }

  SqlCursor* cursor_;
};

template <class T>
void SqlStatement::bind(int index, const T& value) {
  if constexpr (std::is_same_v<T, bool>) {
    bind_int(index, value ? 1 : 0);
  } else if constexpr (std::is_integral_v<T> || std::is_enum_v<T>) {
    bind_int(index, static_cast<std::int64_t>(value));
  } else if constexpr (std::is_same_v<T, Timestamp>) {
    bind_int(index, to_ticks(value));
  } else if constexpr (std::is_same_v<T, std::nullopt_t>) {
    bind_null(index);
  } else if constexpr (IsVariant<T>::value) {
    std::visit([&](const auto& alternative) { bind(index, alternative); }, value);
  } else if constexpr (IsOptional<T>::value) {
    if (value) {
      bind(index, *value);
    } else {
      bind_null(index, type_of<typename T::value_type>());
    }
  } else {
    bind_text(index, std::string_view(value));
  }
}

}  // namespace projectd
