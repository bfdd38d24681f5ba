#include "route_table_fixture.h"

#include "api/routes.h"
#include "app/api_services.h"
#include "auth/password_hasher.h"
#include "blob/blob_store.h"
#include "store/store.h"

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

namespace projectd::fuzz {
namespace {

std::filesystem::path make_temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "projectd-fuzz-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed for " + pattern);
  return pattern;
}

// Members in construction order: each service holds references to the ones above it.
struct Fixture {
  std::filesystem::path dir = make_temp_dir();
  std::unique_ptr<Store> store =
      open_store(StoreOptions{"sqlite:" + (dir / "projectd.db").string(), 1}, true);
  PasswordHasher hasher{1};
  AuthService auth{*store, hasher, AuthSettings{}};
  PeopleService people{*store, hasher};
  BlobStore blobs{dir / "blobs"};
  ApiServices services{*store, blobs, auth, people, PortalTimeZone{}, 1024 * 1024};
  RouteTable table;
  std::unique_ptr<Router> router;

  Fixture() {
    build_route_table(table, services.env);
    router = std::make_unique<Router>(table);
  }
  ~Fixture() {
    router.reset();
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
  }
};

Fixture& fixture() {
  static Fixture instance;
  return instance;
}

}  // namespace

const RouteTable& route_table() {
  return fixture().table;
}

const Router& router() {
  return *fixture().router;
}

}  // namespace projectd::fuzz
