#include "store/postgres/postgres_placeholders.h"

#include <algorithm>
#include <cstddef>

namespace projectd {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_identifier_char(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The index just past the quoted run that starts at sql[start] (a ' or "); a doubled quote stays
// inside. `backslash` is true for E'...' strings, where \ escapes the next character. An
// unterminated run ends at the end of the text (the server reports the error).
std::size_t skip_quoted(std::string_view sql, std::size_t start, bool backslash) {
  const char quote = sql[start];
  std::size_t i = start + 1;
  while (i < sql.size()) {
    if (backslash && sql[i] == '\\') {
      i += 2;
    } else if (sql[i] == quote) {
      if (i + 1 < sql.size() && sql[i + 1] == quote) {
        i += 2;
      } else {
        return i + 1;
      }
    } else {
      ++i;
    }
  }
  return sql.size();
}

// The index just past the comment that starts at sql[start] ("--" to the end of the line, or
// "/* */", which PostgreSQL nests), or start itself when no comment starts there.
std::size_t skip_comment(std::string_view sql, std::size_t start) {
  if (sql.substr(start, 2) == "--") {
    std::size_t end = sql.find('\n', start);
    return end == std::string_view::npos ? sql.size() : end + 1;
  }
  if (sql.substr(start, 2) != "/*") return start;
  int depth = 0;
  std::size_t i = start;
  while (i < sql.size()) {
    if (sql.substr(i, 2) == "/*") {
      ++depth;
      i += 2;
    } else if (sql.substr(i, 2) == "*/") {
      i += 2;
      if (--depth == 0) return i;
    } else {
      ++i;
    }
  }
  return sql.size();
}

}  // namespace

PostgresSql translate_placeholders(std::string_view sql) {
  PostgresSql out;
  out.text.reserve(sql.size());
  std::size_t i = 0;
  while (i < sql.size()) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      // E'...' (or e'...') is an escape string only when the E is a word of its own.
      bool escape_string = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                           (i == 1 || !is_identifier_char(sql[i - 2]));
      std::size_t end = skip_quoted(sql, i, escape_string);
      out.text.append(sql.substr(i, end - i));
      i = end;
    } else if (std::size_t end = skip_comment(sql, i); end != i) {
      out.text.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '?' && i + 1 < sql.size() && is_digit(sql[i + 1])) {
      std::size_t end = i + 1;
      int number = 0;
      while (end < sql.size() && is_digit(sql[end])) {
        // Saturate rather than overflow; the connection refuses anything past kMaxParameterNumber.
        number = std::min(number * 10 + (sql[end] - '0'), kMaxParameterNumber + 1);
        ++end;
      }
      out.parameter_count = std::max(out.parameter_count, number);
      out.text.push_back('$');
      out.text.append(sql.substr(i + 1, end - i - 1));
      i = end;
    } else {
      out.text.push_back(c);
      ++i;
    }
  }
  return out;
}

}  // namespace projectd
