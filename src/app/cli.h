// The command line: serve, user add, migrate, copy, version. Returns the process exit code; bad
// arguments print a clear message and exit non-zero.
#pragma once

namespace projectd {

int run_cli(int argc, char** argv);

}  // namespace projectd
