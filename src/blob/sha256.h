// Incremental SHA-256 (OpenSSL EVP) for content addressing: fed in chunks of any size, so a file
// is hashed while it streams. Thread safety: none; one hasher per stream.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace projectd {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void update(std::string_view bytes);
  // Lowercase hex of the digest; the hasher must not be used afterwards.
  std::string finish_hex();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace projectd
