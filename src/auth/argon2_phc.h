// The PHC string of an Argon2 hash ($argon2id$v=19$m=...,t=...,p=...$salt$hash, unpadded standard
// base64), written and read here because libargon2 exports its codec only inside the functions that
// also allocate the working memory (argon2id_hash_encoded, argon2id_verify), and the hasher brings
// its own allocator through argon2_context. The output is byte for byte what libargon2 writes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace projectd {

struct Argon2Phc {
  std::uint32_t version = 0x13;
  std::uint32_t memory_kib = 0;
  std::uint32_t iterations = 0;
  std::uint32_t parallelism = 0;
  std::string salt;  // raw bytes
  std::string hash;  // raw bytes
};

std::string encode_argon2id_phc(const Argon2Phc& phc);
// nullopt unless `encoded` is a well-formed $argon2id$ string.
std::optional<Argon2Phc> decode_argon2id_phc(std::string_view encoded);

}  // namespace projectd
