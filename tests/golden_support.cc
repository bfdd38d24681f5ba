#include "golden_support.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace projectd::test {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string own_golden(const std::string& name) {
  const std::string text = read_file(std::string(PROJECTD_TEST_GOLDEN_DIR) + "/" + name);
  std::string out;
  out.reserve(text.size());
  bool line_start = false;
  for (const char c : text) {
    if (c == '\n' || c == '\r') {
      line_start = true;
    } else if (!(line_start && c == ' ')) {
      line_start = false;
      out += c;
    }
  }
  return out;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos;
       at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

void replace_nth(std::string& text, const std::string& from, const std::string& to, int n) {
  std::size_t at = text.find(from);
  for (int i = 0; i < n && at != std::string::npos; ++i)
    at = text.find(from, at + from.size());
  ASSERT_NE(at, std::string::npos) << "occurrence " << n << " of " << from;
  text.replace(at, from.size(), to);
}

void cut(std::string& text, const std::string& begin, const std::string& end) {
  const std::size_t from = text.find(begin);
  ASSERT_NE(from, std::string::npos) << begin;
  const std::size_t to = text.find(end, from);
  ASSERT_NE(to, std::string::npos) << end;
  text.erase(from, to + end.size() - from);
}

std::string filled(std::string text, const std::map<std::string, std::string>& values) {
  std::string out;
  std::size_t at = 0;
  for (std::size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", at)) {
    const std::size_t close = text.find("}}", open);
    if (close == std::string::npos) break;
    const std::string name = text.substr(open + 2, close - open - 2);
    const auto value = values.find(name);
    EXPECT_NE(value, values.end()) << "no value for {{" << name << "}}";
    out.append(text, at, open - at);
    out += value == values.end() ? "{{" + name + "}}" : value->second;
    at = close + 2;
  }
  out.append(text, at);
  return out;
}

}  // namespace projectd::test
