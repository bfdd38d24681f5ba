#include "app/tool_process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace projectd {

namespace {

// Exit status of a child that could not exec (shell convention for "command not found").
constexpr int kToolNotFound = 127;
// What a failure message keeps of a tool's output.
constexpr std::size_t kToolOutputKept = 2000;

std::vector<char*> tool_c_strings(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  pointers.reserve(strings.size() + 1);
  for (std::string& text : strings)
    pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

// The parent's environment with `overrides` replacing or adding their variables.
std::vector<std::string> tool_environment(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> all;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string variable = *entry;
    if (!overrides.contains(variable.substr(0, variable.find('=')))) all.push_back(variable);
  }
  for (const auto& [name, value] : overrides)
    all.push_back(name + "=" + value);
  return all;
}

}  // namespace

ToolResult run_tool(const std::vector<std::string>& argv,
                    const std::map<std::string, std::string>& environment,
                    const std::string& debian_package) {
  std::vector<std::string> arguments = argv;
  std::vector<std::string> variables = tool_environment(environment);
  std::vector<char*> c_argv = tool_c_strings(arguments);
  std::vector<char*> c_envp = tool_c_strings(variables);
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("cannot start ") + argv[0] + ": " + std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    throw std::runtime_error(std::string("cannot start ") + argv[0] + ": " + std::strerror(errno));
  }
  if (pid == 0) {
    // The child: only async-signal-safe calls until exec.
    const int null_fd = ::open("/dev/null", O_RDONLY);
    if (null_fd >= 0) ::dup2(null_fd, STDIN_FILENO);
    ::dup2(pipe_fds[1], STDOUT_FILENO);
    ::dup2(pipe_fds[1], STDERR_FILENO);
    ::execvpe(c_argv[0], c_argv.data(), c_envp.data());
    ::_exit(kToolNotFound);
  }
  ::close(pipe_fds[1]);
  ToolResult result;
  char buffer[4096];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    result.output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  if (result.exit_code == kToolNotFound && result.output.empty()) {
    throw std::runtime_error("cannot run " + argv[0] +
                             ": is it installed? (Debian: apt-get install " + debian_package + ")");
  }
  return result;
}

std::string tool_failure_message(const std::string& tool, const ToolResult& result,
                                 const std::string& secret) {
  std::string output = result.output;
  if (!secret.empty()) {
    for (std::size_t at = output.find(secret); at != std::string::npos;
         at = output.find(secret, at + 3))
      output.replace(at, secret.size(), "***");
  }
  while (!output.empty() && std::isspace(static_cast<unsigned char>(output.back())))
    output.pop_back();
  if (output.size() > kToolOutputKept) output = output.substr(0, kToolOutputKept) + "...";
  return tool + " failed (exit " + std::to_string(result.exit_code) + ")" +
         (output.empty() ? "" : ": " + output);
}

}  // namespace projectd
