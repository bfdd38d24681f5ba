#include "auth/password_hasher.h"

#include <argon2.h>
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace projectd {
namespace {

// Small costs keep the test fast; the code path is the one of the real costs.
const Argon2Params kCheap{64, 1, 1};

TEST(PasswordHasher, VerifiesItsOwnHashesAndNothingElse) {
  PasswordHasher hasher(2, kCheap);
  const std::string hash = hasher.hash("correct horse");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=64,t=1,p=1$", 0), 0u) << hash;
  EXPECT_NE(hasher.hash("correct horse"), hash);  // a fresh salt each time
  EXPECT_TRUE(hasher.verify(hash, "correct horse"));
  EXPECT_FALSE(hasher.verify(hash, "correct horsf"));
  EXPECT_FALSE(hasher.verify(hash, ""));
  EXPECT_FALSE(hasher.verify("", "correct horse"));
  EXPECT_FALSE(hasher.verify("$argon2id$v=19$m=64,t=1,p=1$junk$junk", "correct horse"));
  EXPECT_FALSE(hasher.verify("plain text", "plain text"));
}

TEST(PasswordHasher, AgreesWithLibargon2InBothDirections) {
  PasswordHasher hasher(1, kCheap);
  // Hashes stored before projectd computed them itself were libargon2's strings.
  const std::string salt = "0123456789abcdef";
  std::vector<char> theirs(argon2_encodedlen(2, 128, 1, salt.size(), 32, Argon2_id));
  ASSERT_EQ(argon2id_hash_encoded(2, 128, 1, "pw", 2, salt.data(), salt.size(), 32, theirs.data(),
                                  theirs.size()),
            ARGON2_OK);
  EXPECT_TRUE(hasher.verify(theirs.data(), "pw"));
  EXPECT_FALSE(hasher.verify(theirs.data(), "pW"));

  const std::string ours = hasher.hash("pw");
  EXPECT_EQ(argon2id_verify(ours.c_str(), "pw", 2), ARGON2_OK);
  EXPECT_EQ(argon2id_verify(ours.c_str(), "pW", 2), ARGON2_VERIFY_MISMATCH);
}

TEST(PasswordHasher, ManyThreadsAtOnce) {
  PasswordHasher hasher(2, kCheap);
  const std::string hash = hasher.hash("pw");
  std::vector<std::thread> threads;
  std::vector<int> results(8, -1);
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] { results[i] = hasher.verify(hash, i % 2 ? "pw" : "no"); });
  }
  for (auto& t : threads)
    t.join();
  for (std::size_t i = 0; i < results.size(); ++i)
    EXPECT_EQ(results[i], i % 2 ? 1 : 0) << i;
}

}  // namespace
}  // namespace projectd
