// The PHC string of an Argon2id hash, in the exact form libargon2's argon2id_hash_encoded writes:
//   $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>
// with salt and hash in standard base64 without padding. projectd computes hashes through
// argon2_ctx, to give Argon2 memory of its own (argon2_memory.h); libargon2 exports its encoder
// and decoder only inside the calls that allocate with malloc, so the format is written here and
// tested against libargon2's own strings in both directions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace projectd {

struct Argon2idPhc {
  unsigned memory_kib = 0;
  unsigned iterations = 0;
  unsigned parallelism = 0;
  std::string salt;  // raw bytes
  std::string hash;  // raw bytes
};

std::string to_phc_string(const Argon2idPhc& phc);

// nullopt unless `text` is an Argon2id version 19 string in the canonical form above whose costs
// and lengths libargon2 would accept, bounded so a corrupt stored hash cannot ask for gigabytes.
std::optional<Argon2idPhc> parse_phc_string(std::string_view text);

}  // namespace projectd
