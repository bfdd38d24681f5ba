// postgres_tool_connection: what a child tool gets on its command line never holds the password.
#include "store/postgres/postgres_backup.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace projectd {
namespace {

TEST(PostgresToolConnectionTest, SplitsThePasswordFromTheRestOfTheUrl) {
  const PostgresToolConnection tool = postgres_tool_connection(
      "postgresql://app:p%40ss%27w%5Cd@db.example:5544/portal?sslmode=require");
  EXPECT_EQ(tool.password, "p@ss'w\\d");
  EXPECT_EQ(tool.conninfo.find("p@ss"), std::string::npos) << tool.conninfo;
  EXPECT_NE(tool.conninfo.find("user='app'"), std::string::npos) << tool.conninfo;
  EXPECT_NE(tool.conninfo.find("host='db.example'"), std::string::npos) << tool.conninfo;
  EXPECT_NE(tool.conninfo.find("port='5544'"), std::string::npos) << tool.conninfo;
  EXPECT_NE(tool.conninfo.find("dbname='portal'"), std::string::npos) << tool.conninfo;
  EXPECT_NE(tool.conninfo.find("sslmode='require'"), std::string::npos) << tool.conninfo;
}

TEST(PostgresToolConnectionTest, QuotesValuesAndKeepsAUrlWithoutPassword) {
  const PostgresToolConnection tool =
      postgres_tool_connection("postgresql://app@/portal?host=/run/it%27s%20here");
  EXPECT_TRUE(tool.password.empty());
  EXPECT_NE(tool.conninfo.find("host='/run/it\\'s here'"), std::string::npos) << tool.conninfo;
}

TEST(PostgresToolConnectionTest, AMalformedUrlIsRefusedWithoutRepeatingIt) {
  try {
    postgres_tool_connection("postgresql://app:secret@host/db?nosuchoption=1");
    FAIL() << "accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()).find("secret"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace projectd
