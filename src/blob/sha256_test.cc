#include "blob/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace projectd {
namespace {

std::string sha256_of(std::string_view bytes) {
  Sha256 hash;
  hash.update(bytes);
  return hash.finish_hex();
}

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(sha256_of(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256_of("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256, MillionAs) {
  Sha256 hash;
  const std::string chunk(1000, 'a');
  for (int i = 0; i < 1000; ++i)
    hash.update(chunk);
  EXPECT_EQ(hash.finish_hex(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, ChunkedEqualsOneShot) {
  std::string data;
  for (int i = 0; i < 100000; ++i)
    data.push_back(static_cast<char>(i * 7 + i / 13));
  for (std::size_t step : {1u, 3u, 63u, 64u, 65u, 4096u, 99999u}) {
    Sha256 hash;
    for (std::size_t at = 0; at < data.size(); at += step)
      hash.update(std::string_view(data).substr(at, step));
    EXPECT_EQ(hash.finish_hex(), sha256_of(data)) << "step " << step;
  }
}

TEST(Sha256, EmptyUpdatesChangeNothing) {
  Sha256 hash;
  hash.update("");
  hash.update("ab");
  hash.update("");
  hash.update("c");
  EXPECT_EQ(hash.finish_hex(), sha256_of("abc"));
}

TEST(Sha256, MovedHasherKeepsItsState) {
  Sha256 first;
  first.update("ab");
  Sha256 second(std::move(first));
  second.update("c");
  EXPECT_EQ(second.finish_hex(), sha256_of("abc"));
}

}  // namespace
}  // namespace projectd
