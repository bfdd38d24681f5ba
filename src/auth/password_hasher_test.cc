#include "auth/password_hasher.h"

#include "auth/argon2_phc.h"

#include <argon2.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace projectd {
namespace {

// Small parameters keep the tests fast; the code paths are the production ones.
constexpr Argon2Params kParams{64, 2, 1};

std::string reference_hash(std::string_view password, std::string_view salt) {
  std::vector<char> encoded(argon2_encodedlen(kParams.iterations, kParams.memory_kib,
                                              kParams.parallelism, salt.size(), 32, Argon2_id));
  EXPECT_EQ(argon2id_hash_encoded(kParams.iterations, kParams.memory_kib, kParams.parallelism,
                                  password.data(), password.size(), salt.data(), salt.size(), 32,
                                  encoded.data(), encoded.size()),
            ARGON2_OK);
  return encoded.data();
}

TEST(PasswordHasherTest, WritesTheStringLibargon2Writes) {
  for (const std::string salt :
       {"0123456789abcdef", "saltsalt", "seventeen bytes!!", "0123456789"}) {
    EXPECT_EQ(argon2id_hash_phc(kParams, "secret", salt), reference_hash("secret", salt)) << salt;
  }
}

TEST(PasswordHasherTest, VerifiesAHashWrittenByLibargon2) {
  const std::string encoded = reference_hash("correct horse", "0123456789abcdef");
  EXPECT_TRUE(argon2id_verify_phc(encoded, "correct horse"));
  EXPECT_FALSE(argon2id_verify_phc(encoded, "correct horsE"));
}

TEST(PasswordHasherTest, HashAndVerifyRoundTrip) {
  PasswordHasher hasher(1, kParams);
  const std::string encoded = hasher.hash("p@ssw0rd");
  EXPECT_TRUE(encoded.starts_with("$argon2id$v=19$m=64,t=2,p=1$")) << encoded;
  EXPECT_EQ(argon2id_verify(encoded.c_str(), "p@ssw0rd", 8), ARGON2_OK);
  EXPECT_TRUE(hasher.verify(encoded, "p@ssw0rd"));
  EXPECT_FALSE(hasher.verify(encoded, "p@ssw0rD"));
  EXPECT_NE(hasher.hash("p@ssw0rd"), encoded);  // a fresh salt each time
}

TEST(PasswordHasherTest, MalformedHashesNeverVerify) {
  PasswordHasher hasher(1, kParams);
  const std::string good = hasher.hash("pw");
  for (const std::string& bad : std::vector<std::string>{
           std::string(), std::string("$argon2i$") + good.substr(10),
           good.substr(0, good.size() - 1), good + "$", good.substr(0, good.rfind('$')),
           "$argon2id$v=19$m=64,t=2,p=1$!!!!$AAAA"}) {
    EXPECT_FALSE(hasher.verify(bad, "pw")) << bad;
  }
}

TEST(Argon2PhcTest, DecodesWhatItEncodes) {
  const Argon2Phc phc{0x13, 19456, 2, 1, "0123456789abcdef", std::string(32, '\xff')};
  const auto decoded = decode_argon2id_phc(encode_argon2id_phc(phc));
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->version, 0x13u);
  EXPECT_EQ(decoded->memory_kib, 19456u);
  EXPECT_EQ(decoded->iterations, 2u);
  EXPECT_EQ(decoded->parallelism, 1u);
  EXPECT_EQ(decoded->salt, phc.salt);
  EXPECT_EQ(decoded->hash, phc.hash);
}

}  // namespace
}  // namespace projectd
