// The token cache of AuthService on a real SQLite store (docs/architecture.md, "Caches and change
// scopes"): a token once read costs no statement again, on the request's worker as on the I/O
// thread, until a broad write (here a sign-out) ends every cached caller.
#include "domain/people/auth_service.h"

#include "auth/password_hasher.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_test_support.h"

#include <gtest/gtest.h>

#include <memory>
#include <vector>

namespace projectd {
namespace {

class AuthTokenCacheTest : public ::testing::Test {
 protected:
  AuthTokenCacheTest() {
    UserRecord user = testing::make_user("ann");
    user.password_hash = hasher_.hash("a-long-password");
    store_->write([&](StoreTx& tx) { tx.users().insert(user); });
  }

  static std::vector<Credential> token_credential(const std::string& token) {
    return {
        Credential{.kind = Credential::Kind::kToken, .token = token, .login = "", .password = ""}};
  }
  std::optional<Caller> with_token(const std::string& token) {
    return auth_.authenticate(token_credential(token), "127.0.0.1");
  }

  testing::TempDir dir_;
  std::unique_ptr<SqliteStore> store_ = SqliteStore::open({.path = dir_.file("projectd.db")}, true);
  PasswordHasher hasher_{1, Argon2Params{.memory_kib = 1024, .iterations = 1, .parallelism = 1}};
  AuthService auth_{*store_, hasher_, AuthSettings{}};
};

TEST_F(AuthTokenCacheTest, AKnownTokenCostsNoStatementUntilABroadWrite) {
  const IssuedToken issued = auth_.login("ann@example.com", "a-long-password", "127.0.0.1");
  const auto first = with_token(issued.token);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->user_id, "id-ann");

  const std::uint64_t before = store_->statements();
  const auto again = with_token(issued.token);
  const auto cached = auth_.cached_caller(token_credential(issued.token));
  EXPECT_EQ(store_->statements(), before);
  ASSERT_TRUE(again);
  ASSERT_TRUE(cached);
  EXPECT_EQ(again->user_id, "id-ann");
  EXPECT_EQ(cached->user_id, "id-ann");

  // A sign-out is a broad write: the token is looked up again, and refused.
  auth_.logout(*again);
  EXPECT_FALSE(auth_.cached_caller(token_credential(issued.token)));
  EXPECT_FALSE(with_token(issued.token));
  EXPECT_GT(store_->statements(), before);
}

TEST_F(AuthTokenCacheTest, AnUnknownTokenIsReadEveryTime) {
  EXPECT_FALSE(with_token("0123456789abcdef0123456789abcdef"));
  const std::uint64_t before = store_->statements();
  EXPECT_FALSE(with_token("0123456789abcdef0123456789abcdef"));
  EXPECT_GT(store_->statements(), before);
}

}  // namespace
}  // namespace projectd
