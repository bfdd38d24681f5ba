#include "store/postgres/postgres_connection.h"

#include "store/postgres/postgres_cursor.h"
#include "store/postgres/postgres_dialect.h"
#include "store/postgres/postgres_error.h"
#include "store/postgres/postgres_placeholders.h"

#include <libpq-fe.h>

#include <charconv>
#include <stdexcept>

namespace projectd {
namespace {

void drop_notice(void* /*context*/, const char* /*message*/) {}

}  // namespace

void PgResultDeleter::operator()(pg_result* result) const noexcept {
  PQclear(result);
}

PostgresConnection::PostgresConnection(const std::string& url) {
  // A malformed URL's parse error may quote a piece of it, password included: say only that it is
  // malformed. Once it parses, libpq's connection errors name the host and user, never the
  // password.
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &parse_error);
  PQfreemem(parse_error);
  if (options == nullptr) {
    throw std::runtime_error("cannot connect to PostgreSQL: the connection URL is malformed");
  }
  PQconninfoFree(options);

  connection_ = PQconnectdb(url.c_str());
  if (connection_ == nullptr) throw std::runtime_error("cannot connect to PostgreSQL: no memory");
  if (PQstatus(connection_) != CONNECTION_OK) {
    std::string message = libpq_first_line(PQerrorMessage(connection_));
    PQfinish(connection_);
    throw std::runtime_error("cannot connect to PostgreSQL: " + message);
  }
  PQsetNoticeProcessor(connection_, drop_notice, nullptr);
  try {
    configure_session();
  } catch (const std::exception& e) {
    PQfinish(connection_);
    throw std::runtime_error(std::string("cannot connect to PostgreSQL: ") + e.what());
  }
}

PostgresConnection::~PostgresConnection() {
  pools_.clear();  // the cursors' results before the connection they came from
  PQfinish(connection_);
}

// Generic plans: a prepared statement is planned once, not again at every execution with its
// values (PostgreSQL's default for the first five runs, and whenever a custom plan looks cheaper).
// Every statement here is a lookup by key or a filter whose indexes do not depend on the values,
// and planning again cost more CPU than running (2 to 5 times, on a GET of a task).
void PostgresConnection::configure_session() {
  execute_script(
      "SET client_min_messages = warning; SET client_encoding = 'UTF8'; "
      "SET standard_conforming_strings = on; SET plan_cache_mode = force_generic_plan");
}

SqlStatement PostgresConnection::prepare(std::string_view sql) {
  auto it = pools_.find(sql);
  if (it == pools_.end()) {
    PostgresSql translated = translate_placeholders(sql);
    if (translated.parameter_count > kMaxParameterNumber) {
      throw SqlError(ErrorKind::kInternal, "Internal store error: too many statement parameters");
    }
    if (pools_.size() >= kMaxCachedTexts) {
      return SqlStatement(new PostgresCursor(*this, std::move(translated)));
    }
    it = pools_
             .emplace(std::string(sql), std::make_unique<PostgresCursorPool>(std::move(translated)))
             .first;
  }
  return SqlStatement(it->second->lease(*this));
}

PgResult PostgresConnection::run(const std::string& sql, int count, const unsigned* types,
                                 const char* const* values) {
  // The same text with other parameter types (a NULL bound as unknown, say) is another plan.
  std::string key = sql;
  key.push_back('\0');
  key.append(reinterpret_cast<const char*>(types), static_cast<std::size_t>(count) * sizeof *types);

  PgResult result;
  if (auto it = prepared_.find(key); it != prepared_.end()) {
    result.reset(
        PQexecPrepared(connection_, it->second.c_str(), count, values, nullptr, nullptr, 0));
  } else if (prepared_.size() < kMaxCachedStatements) {
    std::string name = "p" + std::to_string(++statements_named_);
    PgResult prepared(PQprepare(connection_, name.c_str(), sql.c_str(), count, types));
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
      throw postgres_error(connection_, prepared.get(), "preparing a statement");
    }
    auto [entry, inserted] = prepared_.emplace(std::move(key), std::move(name));
    result.reset(
        PQexecPrepared(connection_, entry->second.c_str(), count, values, nullptr, nullptr, 0));
  } else {
    result.reset(PQexecParams(connection_, sql.c_str(), count, types, values, nullptr, nullptr, 0));
  }

  // PQresultStatus(nullptr) is PGRES_FATAL_ERROR: libpq could not even send the statement.
  ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && status != PGRES_EMPTY_QUERY) {
    throw postgres_error(connection_, result.get(), "running a statement");
  }
  record_changes(result.get());
  return result;
}

void PostgresConnection::record_changes(const pg_result* result) {
  // SQLite counts only rows written by INSERT, UPDATE and DELETE; PQcmdTuples would also count the
  // rows of a SELECT.
  std::string_view tag = PQcmdStatus(const_cast<pg_result*>(result));
  if (!tag.starts_with("INSERT ") && !tag.starts_with("UPDATE ") && !tag.starts_with("DELETE ") &&
      !tag.starts_with("MERGE ")) {
    return;
  }
  std::string_view rows = PQcmdTuples(const_cast<pg_result*>(result));
  std::int64_t count = 0;
  std::from_chars(rows.data(), rows.data() + rows.size(), count);
  changes_ = count;
}

void PostgresConnection::execute_script(const std::string& sql) {
  PgResult result(PQexec(connection_, sql.c_str()));
  ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK && status != PGRES_EMPTY_QUERY) {
    throw postgres_error(connection_, result.get(), "running a script");
  }
  record_changes(result.get());
}

bool PostgresConnection::in_transaction() const {
  PGTransactionStatusType status = PQtransactionStatus(connection_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR;
}

bool PostgresConnection::broken() const {
  return PQstatus(connection_) == CONNECTION_BAD;
}

void PostgresConnection::reset() {
  prepared_.clear();
  PQreset(connection_);
  if (broken()) throw postgres_error(connection_, nullptr, "reconnecting");
  configure_session();
}

const SqlDialect& PostgresConnection::dialect() const {
  return PostgresDialect::instance();
}

}  // namespace projectd
