#include "wire/dotnet_double.h"

#include <charconv>
#include <cmath>
#include <string_view>

namespace projectd {

void append_dotnet_double(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
    return;
  }
  if (std::isinf(value)) {
    out += value < 0 ? "-INF" : "INF";
    return;
  }
  if (value == 0) {
    out += '0';  // -0.0 too, as .NET Framework writes it
    return;
  }
  char buffer[32];
  // Shortest round-trip digits, scientific so the decimal exponent can be read off.
  const auto scientific =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
  const std::string_view text(buffer, static_cast<std::size_t>(scientific.ptr - buffer));
  const std::size_t e = text.find('e');
  int exponent = 0;
  std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(),
                  exponent);
  if (exponent > -5 && exponent < 15) {
    const auto fixed =
        std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    out.append(buffer, fixed.ptr);
    return;
  }
  out.append(text.substr(0, e));
  out += 'E';
  out.append(text.substr(e + 1));  // sign and at least two digits, as .NET writes them
}

}  // namespace projectd
