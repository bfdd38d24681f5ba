// Runs an external tool (pg_dump, pg_restore) for `projectd backup` and `restore`
// (docs/operations.md, "Backup, restore and verify"): plain fork and execvp, the arguments as an
// argv array (no shell, so nothing in them is ever interpreted), extra environment variables set
// in the child only (a password goes there, never on a command line). The child's stdout and
// stderr are captured, not echoed: the caller summarises them (tool_failure_message) with any
// secret cut out. Thread safety: may be called from any thread; everything the child needs is
// built before fork.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace projectd {

struct ToolResult {
  int exit_code = 0;   // the tool's exit status; 128 + N when signal N ended it
  std::string output;  // stdout and stderr together
};

// Runs argv[0] (looked up in PATH) to completion. Throws std::runtime_error when it cannot start
// (e.g. not installed: the message names the tool and its Debian package).
ToolResult run_tool(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& environment,
                    const std::string& debian_package);

// "<tool> failed (exit N): <its output, trimmed and shortened>" with every occurrence of `secret`
// (when not empty) replaced by "***".
std::string tool_failure_message(const std::string& tool, const ToolResult& result,
                                 const std::string& secret);

}  // namespace projectd
