// Golden files for the byte-for-byte answer tests: reading the published ones (shared/spec/golden)
// and turning their sample values into the values of the test's own fixture.
#pragma once

#include <string>

namespace projectd::test {

// spec/golden/<name> (PROJECTD_SPEC_DIR in the environment wins), without trailing line breaks.
std::string spec_golden(const std::string& name);

void replace_all(std::string& text, const std::string& from, const std::string& to);
// Replaces the n-th (0-based) occurrence; fails the test when there is none.
void replace_nth(std::string& text, const std::string& from, const std::string& to, int n);
// Cuts from `begin` up to and including `end` (the first `end` after `begin`).
void cut(std::string& text, const std::string& begin, const std::string& end);

}  // namespace projectd::test
