#include "golden_support.h"

#include <gtest/gtest.h>

#include <cstdlib>
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
  std::string out = text.str();
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
    out.pop_back();
  return out;
}

}  // namespace

std::string spec_golden(const std::string& name) {
  const char* from_env = std::getenv("PROJECTD_SPEC_DIR");
  const std::string dir = from_env && *from_env ? from_env : PROJECTD_SPEC_DIR;
  return read_file(dir + "/golden/" + name);
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

}  // namespace projectd::test
