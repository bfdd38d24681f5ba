// Integers in decimal, as JSON and XML both write them. Thread safety: reentrant.
#pragma once

#include <charconv>
#include <string>

namespace projectd {

template <typename Integer>
void append_decimal(std::string& out, Integer value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

}  // namespace projectd
