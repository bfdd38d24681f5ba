#include "auth/argon2_phc.h"

#include <argon2.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace projectd {
namespace {

// libargon2's own string for a fixed salt: the reference our encoder must reproduce.
std::string libargon2_string(const std::string& salt, unsigned m, unsigned t, unsigned p) {
  const std::string password = "correct horse";
  std::vector<char> encoded(argon2_encodedlen(t, m, p, salt.size(), 32, Argon2_id));
  EXPECT_EQ(argon2id_hash_encoded(t, m, p, password.data(), password.size(), salt.data(),
                                  salt.size(), 32, encoded.data(), encoded.size()),
            ARGON2_OK);
  return encoded.data();
}

TEST(Argon2Phc, ReadsAndWritesLibargon2sStringsByteForByte) {
  // Salt lengths 16, 17 and 18 end the base64 in each of its three unpadded forms.
  for (const std::string& salt : {std::string("0123456789abcdef"), std::string("0123456789abcdefg"),
                                  std::string("0123456789abcdefgh")}) {
    const std::string reference = libargon2_string(salt, 64, 3, 2);
    const auto phc = parse_phc_string(reference);
    ASSERT_TRUE(phc) << reference;
    EXPECT_EQ(phc->memory_kib, 64u);
    EXPECT_EQ(phc->iterations, 3u);
    EXPECT_EQ(phc->parallelism, 2u);
    EXPECT_EQ(phc->salt, salt);
    std::string raw(32, '\0');
    ASSERT_EQ(argon2id_hash_raw(3, 64, 2, "correct horse", 13, salt.data(), salt.size(), raw.data(),
                                raw.size()),
              ARGON2_OK);
    EXPECT_EQ(phc->hash, raw);
    EXPECT_EQ(to_phc_string(*phc), reference);
  }
}

TEST(Argon2Phc, RefusesEverythingButCanonicalArgon2idVersion19) {
  const std::string good = libargon2_string("0123456789abcdef", 64, 3, 1);
  ASSERT_TRUE(parse_phc_string(good));
  const std::size_t salt_at = good.find('$', good.find("p=")) + 1;
  const std::size_t hash_at = good.rfind('$') + 1;
  auto with = [&](std::size_t at, std::size_t length, const std::string& text) {
    return std::string(good).replace(at, length, text);
  };
  const std::vector<std::string> bad = {
      "",
      "$argon2id$",
      with(0, 9, "$argon2i"),                          // another variant
      with(good.find("v=19"), 4, "v=16"),              // another version
      with(good.find("m=64"), 4, "m=064"),             // leading zero
      with(good.find("m=64"), 4, "m=+64"),             // sign
      with(good.find("m=64"), 4, "m=4"),               // below 8 KiB per lane
      with(good.find("m=64"), 4, "m=99999999999"),     // overflows
      with(good.find("m=64"), 4, "m=2097152"),         // 2 GiB: beyond the bound
      with(good.find(",t=3"), 4, ",t=0"),              // no pass
      with(good.find(",t=3"), 4, ""),                  // missing field
      with(good.find(",p=1"), 4, ",p=99"),             // too many lanes
      with(salt_at, 0, "$"),                           // empty salt
      with(salt_at, hash_at - 1 - salt_at, "c2FsdA"),  // 4-byte salt
      good + "=",                                      // padding
      good + "$",                                      // trailing field
      with(hash_at, 1, "*"),                           // not base64
      with(hash_at, 0, "AA"),                          // length 4k+1
      with(good.size() - 1, 1, "B"),                   // non-canonical unused bits
      good.substr(0, hash_at - 1),                     // no hash
  };
  for (const std::string& text : bad) {
    EXPECT_FALSE(parse_phc_string(text)) << text;
  }
}

}  // namespace
}  // namespace projectd
