// Picks the Store implementation from the URL. Only the scheme is ever echoed back: the rest of a
// URL may hold a password.
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"

#include <stdexcept>
#include <string>

namespace projectd {
namespace {

constexpr std::string_view kSupported =
    "supported is sqlite:PATH, e.g. sqlite:/var/lib/projectd/projectd.db";

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
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    throw std::runtime_error("PostgreSQL stores are not supported yet; " + std::string(kSupported));
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
  return SqliteStore::open(sqlite_options(options), migrate);
}

int migrate_store(const StoreOptions& options) {
  return SqliteStore::migrate(sqlite_options(options));
}

}  // namespace projectd
