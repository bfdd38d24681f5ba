#include "store/postgres/postgres_error.h"

#include <libpq-fe.h>

#include <string>

namespace projectd {
std::string libpq_first_line(const char* text) {
  if (text == nullptr) return {};
  std::string_view view(text);
  view = view.substr(0, view.find('\n'));
  return std::string(view);
}

namespace {

std::string field(const PGresult* result, int code) {
  if (result == nullptr) return {};
  const char* value = PQresultErrorField(result, code);
  return value == nullptr ? std::string() : std::string(value);
}

bool is_connection_failure(const std::string& sqlstate) {
  return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
         sqlstate == "57P03";
}

SqlConstraint constraint_of(const std::string& sqlstate) {
  if (sqlstate == "23505") return SqlConstraint::kUnique;
  if (sqlstate == "23503") return SqlConstraint::kForeignKey;
  if (sqlstate == "23514") return SqlConstraint::kCheck;
  if (sqlstate == "23502") return SqlConstraint::kNotNull;
  return SqlConstraint::kNone;
}

// What the log gets for an internal error: the server's primary message, or libpq's own when the
// failure happened on our side of the socket.
std::string describe(PGconn* connection, const PGresult* result, const std::string& sqlstate) {
  // A data exception's primary text quotes the value it could not take ("invalid input syntax for
  // type bigint: \"...\""), which came from a parameter.
  if (sqlstate.starts_with("22")) return "data exception (SQLSTATE " + sqlstate + ")";
  std::string text = field(result, PG_DIAG_MESSAGE_PRIMARY);
  if (text.empty() && result != nullptr) text = libpq_first_line(PQresultErrorMessage(result));
  if (text.empty()) text = libpq_first_line(PQerrorMessage(connection));
  if (!sqlstate.empty()) text += " (SQLSTATE " + sqlstate + ")";
  return text;
}

}  // namespace

PostgresError postgres_error(pg_conn* connection, const pg_result* result, std::string_view doing) {
  std::string sqlstate = field(result, PG_DIAG_SQLSTATE);
  SqlConstraint constraint = constraint_of(sqlstate);
  if (PQstatus(connection) == CONNECTION_BAD || is_connection_failure(sqlstate)) {
    return PostgresError(ErrorKind::kServiceUnavailable, "The store is unreachable; try again",
                         constraint, std::move(sqlstate), true);
  }
  if (sqlstate == "40001" || sqlstate == "40P01") {
    return PostgresError(ErrorKind::kServiceUnavailable, "The store is busy; try again", constraint,
                         std::move(sqlstate), false);
  }
  if (sqlstate == "53100") {
    return PostgresError(ErrorKind::kInsufficientStorage, "The disk is full", constraint,
                         std::move(sqlstate), false);
  }
  if (sqlstate == "53200") {
    return PostgresError(ErrorKind::kServiceUnavailable, "The store is out of memory; try again",
                         constraint, std::move(sqlstate), false);
  }
  std::string message =
      "Internal store error " + std::string(doing) + ": " + describe(connection, result, sqlstate);
  return PostgresError(ErrorKind::kInternal, std::move(message), constraint, std::move(sqlstate),
                       false);
}

}  // namespace projectd
