// Golden files for the byte-for-byte answer tests: reading them from tests/golden (its README says
// where each comes from) and turning their sample values or {{PLACEHOLDER}}s into the values of
// the test's own fixture.
#pragma once

#include <map>
#include <string>

namespace projectd::test {

// tests/golden/<name> as the one-line answer. A file may be written one member per line for
// review: every line break and the indentation after it are dropped (no value in these files
// holds a line break), so a file that is already one line only loses its final newline.
std::string own_golden(const std::string& name);

void replace_all(std::string& text, const std::string& from, const std::string& to);
// Replaces the n-th (0-based) occurrence; fails the test when there is none.
void replace_nth(std::string& text, const std::string& from, const std::string& to, int n);
// Cuts from `begin` up to and including `end` (the first `end` after `begin`).
void cut(std::string& text, const std::string& begin, const std::string& end);

// Every {{NAME}} of `text` replaced by values.at(NAME); fails the test for a name it lacks.
std::string filled(std::string text, const std::map<std::string, std::string>& values);

}  // namespace projectd::test
