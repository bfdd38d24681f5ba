// Unpredictable values from OpenSSL's CSPRNG: token material, salts, ids, generated passwords.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace projectd {

std::string random_bytes(std::size_t n);
// A random (version 4) GUID, lowercase with hyphens.
std::string random_guid();
// A password of `length` characters from letters, digits and a few symbols.
std::string random_password(std::size_t length = 20);
// Lowercase hex SHA-256 of the bytes.
std::string sha256_hex(std::string_view bytes);
std::string to_hex(std::string_view bytes);

}  // namespace projectd
