// Picks the Store implementation from the URL. Only the scheme is ever echoed back: the rest of a
// URL may hold a password.
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

#include <algorithm>
#include <thread>

#include <stdexcept>
#include <string>

namespace projectd {
namespace {

constexpr std::string_view kSupported =
    "supported are sqlite:PATH (e.g. sqlite:/var/lib/projectd/projectd.db) and "
    "postgresql://USER@HOST/DATABASE";

bool is_postgres(const std::string& url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://");
}

PostgresStoreOptions postgres_options(const StoreOptions& options) {
  PostgresStoreOptions postgres;
  postgres.url = options.url;
  postgres.connections =
      options.connections > 0
          ? options.connections
          : static_cast<int>(std::max(4u, 2 * std::thread::hardware_concurrency()));
  return postgres;
}

SqliteStoreOptions sqlite_options(const StoreOptions& options) {
  const std::string& url = options.url;
  constexpr std::string_view kSqlite = "sqlite:";
  if (url.starts_with(kSqlite)) {
    std::string path = url.substr(kSqlite.size());
    if (path.empty()) {
      throw std::runtime_error("the store URL sqlite: names no file; " + std::string(kSupported));
    }
    // sqlite://x is ambiguous (a host? a relative or an absolute path?), so it is refused rather
    // than guessed at.
    if (path.starts_with("//")) {
      throw std::runtime_error("write the store URL as sqlite:PATH without '//'; " +
                               std::string(kSupported));
    }
    if (path.starts_with(":")) {
      throw std::runtime_error("the store must be a file, not " + path + "; " +
                               std::string(kSupported));
    }
    SqliteStoreOptions sqlite;
    sqlite.path = path;
    sqlite.reader_connections = options.reader_connections;
    return sqlite;
  }
  std::size_t colon = url.find(':');
  if (colon == std::string::npos || colon == 0) {
    throw std::runtime_error("the store URL '" + url + "' has no scheme; " +
                             std::string(kSupported));
  }
  throw std::runtime_error("unsupported store URL scheme '" + url.substr(0, colon) + ":'; " +
                           std::string(kSupported));
}

}  // namespace

std::unique_ptr<Store> open_store(const StoreOptions& options, bool migrate) {
  if (is_postgres(options.url)) return PostgresStore::open(postgres_options(options), migrate);
  return SqliteStore::open(sqlite_options(options), migrate);
}

int migrate_store(const StoreOptions& options, const MigrationApplied& applied) {
  if (is_postgres(options.url)) return PostgresStore::migrate(postgres_options(options), applied);
  return SqliteStore::migrate(sqlite_options(options), applied);
}

}  // namespace projectd
