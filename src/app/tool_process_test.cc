// run_tool and tool_failure_message: an argv array without a shell, the environment given to the
// child alone, and a failure summary with the secret cut out.
#include "app/tool_process.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

namespace projectd {
namespace {

TEST(ToolProcessTest, RunsWithoutAShellAndGivesTheEnvironmentToTheChildOnly) {
  const ToolResult result =
      run_tool({"sh", "-c", "printf '%s|%s' \"$1\" \"$TOOL_TEST_SECRET\"; exit 4", "sh", "$HOME;x"},
               {{"TOOL_TEST_SECRET", "s3cret"}}, "dash");
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_EQ(result.output, "$HOME;x|s3cret");
  EXPECT_EQ(std::getenv("TOOL_TEST_SECRET"), nullptr);
}

TEST(ToolProcessTest, AMissingToolNamesItsPackage) {
  try {
    run_tool({"projectd-no-such-tool"}, {}, "some-package");
    FAIL() << "ran";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("apt-get install some-package"), std::string::npos);
  }
}

TEST(ToolProcessTest, AFailureIsSummarisedWithTheSecretCutOut) {
  const ToolResult result{2, "pg_dump: error: password s3cret and s3cret again\n\n"};
  EXPECT_EQ(tool_failure_message("pg_dump", result, "s3cret"),
            "pg_dump failed (exit 2): pg_dump: error: password *** and *** again");
  EXPECT_EQ(tool_failure_message("pg_dump", ToolResult{1, ""}, ""), "pg_dump failed (exit 1)");
}

}  // namespace
}  // namespace projectd
