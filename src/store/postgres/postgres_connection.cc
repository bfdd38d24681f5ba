#include "store/postgres/postgres_connection.h"

#include "base/blocking_wait.h"
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

  {
    BlockingWait blocking;
    connection_ = PQconnectdb(url.c_str());
  }
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

namespace {

// The key of a prepared statement: translated SQL, '\0', the parameter type OIDs as bytes.
std::string statement_key(const std::string& sql, int count, const unsigned* types) {
  std::string key = sql;
  key.push_back('\0');
  key.append(reinterpret_cast<const char*>(types), static_cast<std::size_t>(count) * sizeof *types);
  return key;
}

// The key of one run: the statement's key, then each value (a NULL told apart from '').
std::string run_key(std::string statement, int count, const char* const* values) {
  for (int i = 0; i < count; ++i) {
    statement.push_back(values[i] == nullptr ? '\0' : '\1');
    if (values[i] != nullptr) statement.append(values[i]);
    statement.push_back('\0');
  }
  return statement;
}

// A command for run_pipeline, with copies of what the caller's pointers hold.
PostgresConnection::Command command_of(std::string run_key, const std::string& sql, int count,
                                       const unsigned* types, const char* const* values) {
  PostgresConnection::Command command{
      std::move(run_key), sql, std::vector<unsigned>(types, types + count), {}};
  for (int i = 0; i < count; ++i)
    command.values.push_back(values[i] == nullptr ? std::nullopt
                                                  : std::optional<std::string>(values[i]));
  return command;
}

// Whether a statement only reads: translated SQL that starts with SELECT.
bool is_select(const std::string& sql) {
  const std::size_t start = sql.find_first_not_of(" \t\r\n(");
  return start != std::string::npos && sql.compare(start, 6, "SELECT") == 0;
}

bool succeeded(const pg_result* result) {
  const ExecStatusType status = PQresultStatus(result);
  return status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY;
}

}  // namespace

const std::string* PostgresConnection::prepared_name(const std::string& key) const {
  const auto it = prepared_.find(key);
  return it == prepared_.end() ? nullptr : &it->second;
}

SharedPgResult PostgresConnection::run(const std::string& sql, int count, const unsigned* types,
                                       const char* const* values) {
  // The same text with other parameter types (a NULL bound as unknown, say) is another plan.
  std::string key = statement_key(sql, count, types);
  std::string one_run;
  if (!recording_) finish_commit();
  if (open_) {
    one_run = run_key(key, count, values);
    // Known answers serve the recording too: the reads after them are then recorded as they will
    // be made. Only reads are ever kept, so a write is never answered from here.
    if (auto kept = ahead_.find(one_run); kept != ahead_.end()) return kept->second;
    if (recording_) {
      // A write sent ahead would run before the reads meant to precede it: recording ends here.
      if (!is_select(sql)) throw std::logic_error("only reads are sent ahead");
      recorded_.push_back(command_of(std::move(one_run), sql, count, types, values));
      return SharedPgResult(PQmakeEmptyPGresult(connection_, PGRES_TUPLES_OK), PgResultDeleter());
    }
  }

  PgResult result;
  if (!pending_begin_.empty()) {
    result = std::move(run_pipeline({command_of({}, sql, count, types, values)}).front());
  } else {
    // Every libpq call that waits for the server is a BlockingWait (base/blocking_wait.h): a
    // request worker waiting for PostgreSQL's answer lets its pool run another request.
    BlockingWait blocking;
    ++round_trips_;
    if (const std::string* name = prepared_name(key)) {
      result.reset(PQexecPrepared(connection_, name->c_str(), count, values, nullptr, nullptr, 0));
    } else if (prepared_.size() < kMaxCachedStatements) {
      std::string name = "p" + std::to_string(++statements_named_);
      PgResult prepared(PQprepare(connection_, name.c_str(), sql.c_str(), count, types));
      if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
        throw postgres_error(connection_, prepared.get(), "preparing a statement");
      }
      ++round_trips_;
      auto [entry, inserted] = prepared_.emplace(std::move(key), std::move(name));
      result.reset(
          PQexecPrepared(connection_, entry->second.c_str(), count, values, nullptr, nullptr, 0));
    } else {
      result.reset(
          PQexecParams(connection_, sql.c_str(), count, types, values, nullptr, nullptr, 0));
    }
    // PQresultStatus(nullptr) is PGRES_FATAL_ERROR: libpq could not even send the statement.
    if (!succeeded(result.get())) {
      throw postgres_error(connection_, result.get(), "running a statement");
    }
  }
  record_changes(result.get());
  SharedPgResult shared(result.release(), PgResultDeleter());
  if (open_) {
    // A statement that may have changed what the kept reads saw makes them all stale.
    if (std::string_view(PQcmdStatus(shared.get())).starts_with("SELECT")) {
      ahead_.emplace(std::move(one_run), shared);
    } else {
      ahead_.clear();
    }
  }
  return shared;
}

void PostgresConnection::begin(std::string_view begin) {
  forget();
  open_ = true;
  pending_begin_.assign(begin);
}

void PostgresConnection::commit_read() {
  const bool begun = pending_begin_.empty();
  forget();
  if (!begun) return;
  ++round_trips_;
  if (PQsendQueryParams(connection_, "COMMIT", 0, nullptr, nullptr, nullptr, nullptr, 0) != 1) {
    throw postgres_error(connection_, nullptr, "committing a read");
  }
  commit_in_flight_ = true;
}

void PostgresConnection::commit_write(const std::string& statements) {
  const bool begun = pending_begin_.empty();
  forget();
  if (!begun) return;
  execute_script(statements.empty() ? "COMMIT" : statements + "; COMMIT");
}

void PostgresConnection::finish_commit() {
  if (!commit_in_flight_) return;
  commit_in_flight_ = false;
  BlockingWait blocking;
  // A failure can only be a lost connection, which the statement about to run finds out.
  while (PgResult result{PQgetResult(connection_)}) {
  }
}

void PostgresConnection::forget() {
  open_ = false;
  recording_ = false;
  pending_begin_.clear();
  recorded_.clear();
  ahead_.clear();
}

bool PostgresConnection::prefetch(const std::function<void()>& record) {
  if (!open_ || recording_) return false;
  recording_ = true;
  try {
    record();
  } catch (...) {
    // What the recorded reads would have thrown on empty rows: the real reads will tell.
  }
  recording_ = false;
  std::vector<Command> commands = std::move(recorded_);
  recorded_.clear();
  if (commands.empty()) return true;
  std::vector<PgResult> results = run_pipeline(commands);
  for (std::size_t i = 0; i < commands.size(); ++i)
    ahead_.insert_or_assign(std::move(commands[i].run_key),
                            SharedPgResult(results[i].release(), PgResultDeleter()));
  return true;
}

std::vector<PgResult> PostgresConnection::run_pipeline(const std::vector<Command>& commands) {
  finish_commit();
  BlockingWait blocking;
  if (PQenterPipelineMode(connection_) != 1) {
    throw postgres_error(connection_, nullptr, "starting a pipeline");
  }
  ++round_trips_;
  // What was sent, in order: each yields one result. A statement prepared here is named once its
  // PREPARE succeeded.
  struct Sent {
    std::size_t command = 0;
    bool prepare = false;
    bool begin = false;
    std::string key, name;
  };
  std::vector<Sent> sent;
  bool sending = true;
  if (!pending_begin_.empty()) {
    sending = PQsendQueryParams(connection_, pending_begin_.c_str(), 0, nullptr, nullptr, nullptr,
                                nullptr, 0) == 1;
    sent.push_back(Sent{0, false, true, {}, {}});
  }
  std::vector<const char*> values;
  for (std::size_t i = 0; sending && i < commands.size(); ++i) {
    const Command& command = commands[i];
    const int count = static_cast<int>(command.types.size());
    values.clear();
    for (const auto& value : command.values)
      values.push_back(value ? value->c_str() : nullptr);
    std::string key = statement_key(command.sql, count, command.types.data());
    const std::string* name = prepared_name(key);
    std::string fresh;
    for (const Sent& earlier : sent)
      if (earlier.prepare && earlier.key == key) name = &earlier.name;
    if (name == nullptr && prepared_.size() + sent.size() < kMaxCachedStatements) {
      fresh = "p" + std::to_string(++statements_named_);
      sending = PQsendPrepare(connection_, fresh.c_str(), command.sql.c_str(), count,
                              command.types.data()) == 1;
      sent.push_back(Sent{i, true, false, std::move(key), fresh});
      name = &sent.back().name;
    }
    if (!sending) break;
    sending = name != nullptr
                  ? PQsendQueryPrepared(connection_, name->c_str(), count, values.data(), nullptr,
                                        nullptr, 0) == 1
                  : PQsendQueryParams(connection_, command.sql.c_str(), count, command.types.data(),
                                      values.data(), nullptr, nullptr, 0) == 1;
    sent.push_back(Sent{i, false, false, {}, {}});
  }
  if (!sending || PQpipelineSync(connection_) != 1) {
    // libpq could not even send: the connection is gone (broken() says so).
    PgResult failure;
    throw postgres_error(connection_, failure.get(), "sending a pipeline");
  }

  std::vector<PgResult> results(commands.size());
  PgResult first_failure;
  std::size_t next = 0;
  for (int empty = 0; empty < 2;) {
    PgResult result(PQgetResult(connection_));
    if (!result) {
      ++empty;  // one NULL ends each command's results; two in a row: nothing more will come
      if (PQstatus(connection_) == CONNECTION_BAD) break;
      continue;
    }
    empty = 0;
    if (PQresultStatus(result.get()) == PGRES_PIPELINE_SYNC) break;
    if (next >= sent.size()) continue;
    const Sent& one = sent[next++];
    if (!succeeded(result.get())) {
      if (!first_failure && PQresultStatus(result.get()) != PGRES_PIPELINE_ABORTED)
        first_failure = std::move(result);
      continue;
    }
    if (one.prepare) {
      prepared_.emplace(one.key, one.name);
    } else if (one.begin) {
      pending_begin_.clear();
    } else {
      results[one.command] = std::move(result);
    }
  }
  PQexitPipelineMode(connection_);
  if (first_failure || next < sent.size()) {
    throw postgres_error(connection_, first_failure.get(), "running a pipeline");
  }
  return results;
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
  finish_commit();
  ++round_trips_;
  ahead_.clear();
  std::string script = pending_begin_.empty() ? sql : pending_begin_ + "; " + sql;
  pending_begin_.clear();
  BlockingWait blocking;
  PgResult result(PQexec(connection_, script.c_str()));
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
  forget();
  commit_in_flight_ = false;  // PQreset drops whatever was in flight
  prepared_.clear();
  {
    BlockingWait blocking;
    PQreset(connection_);
  }
  if (broken()) throw postgres_error(connection_, nullptr, "reconnecting");
  configure_session();
}

const SqlDialect& PostgresConnection::dialect() const {
  return PostgresDialect::instance();
}

}  // namespace projectd
