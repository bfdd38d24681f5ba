// ProgressReport with a clock the test moves: plain lines are exact (rates and the estimate
// included) and never hold '\r'; on a terminal a table's line is rewritten at most every 200 ms
// and ends with a newline.
#include "app/progress_report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>

namespace projectd {
namespace {

using std::chrono::milliseconds;

class ProgressReportTest : public ::testing::Test {
 protected:
  ProgressReport report(bool terminal) {
    return ProgressReport(out_, terminal, [this] { return now_; });
  }
  void wait(milliseconds step) { now_ += step; }

  std::ostringstream out_;
  std::chrono::steady_clock::time_point now_{};
};

TEST_F(ProgressReportTest, PlainCopyLinesGiveEachTableItsCountRateAndTheTimeLeft) {
  ProgressReport progress = report(false);
  progress.copy_started(300);
  progress.table_started("projects", 100);
  wait(milliseconds(500));
  progress.table_rows(50);  // plain: no line until the table ends
  wait(milliseconds(500));
  progress.table_finished(100);
  progress.table_started("tasks", 200);
  wait(milliseconds(2000));
  progress.table_finished(200);
  progress.table_started("task_counts", 4, true);
  wait(milliseconds(500));
  progress.table_finished(4);
  progress.copy_finished(300, 3, 4.0);
  EXPECT_EQ(out_.str(),
            "projects: 100 rows to copy\n"
            "projects: 100 rows copied in 1.00 s, 100 rows/s; about 2 s left\n"
            "tasks: 200 rows to copy\n"
            "tasks: 200 rows copied in 2.00 s, 100 rows/s\n"
            "task_counts: 4 rows to check (the target's triggers build them)\n"
            "task_counts: 4 rows checked in 0.50 s, 8 rows/s\n"
            "Copied 300 rows of 3 tables from the source to the target in 4.00 s (75 rows/s).\n");
}

TEST_F(ProgressReportTest, PlainEstimateCountsInMinutesAndAnEmptyTableHasNoRate) {
  ProgressReport progress = report(false);
  progress.copy_started(1000);
  progress.table_started("empty", 0);
  progress.table_finished(0);
  progress.table_started("users", 20);
  wait(milliseconds(20000));
  progress.table_finished(20);
  EXPECT_EQ(out_.str(),
            "empty: 0 rows to copy\n"
            "empty: 0 rows copied in 0.00 s\n"
            "users: 20 rows to copy\n"
            "users: 20 rows copied in 20.00 s, 1 rows/s; about 16 min left\n");
}

TEST_F(ProgressReportTest, MigrationLinesNameEachMigrationOnceAndSumUp) {
  ProgressReport progress = report(true);  // the same on a terminal
  progress.migration_applied(1, "0001_people_and_sessions", 0.25);
  progress.migration_applied(2, "0002_projects_and_tasks", 0.5);
  progress.migrations_finished(2);
  progress.migrations_finished(0);
  EXPECT_EQ(out_.str(),
            "Applied migration 1 (people_and_sessions) in 0.25 s\n"
            "Applied migration 2 (projects_and_tasks) in 0.50 s\n"
            "Applied 2 migrations; the schema is up to date (0.75 s).\n"
            "Applied 0 migrations; the schema is up to date.\n");
}

TEST_F(ProgressReportTest, TerminalRewritesATablesLineAtMostFiveTimesASecondAndEndsIt) {
  ProgressReport progress = report(true);
  progress.copy_started(2000);
  progress.table_started("tasks", 1000);
  EXPECT_EQ(out_.str(), "\rtasks: 0 of 1000 rows");
  // Rows arrive every 10 ms for a second: the line is rewritten at 200, 400, ... 1000 ms only.
  for (int i = 1; i <= 100; ++i) {
    wait(milliseconds(10));
    progress.table_rows(i * 10);
    if (i == 20) {
      EXPECT_EQ(out_.str().substr(out_.str().rfind('\r')),
                "\rtasks: 200 of 1000 rows, 1000 rows/s; about 2 s left");
    }
  }
  const std::string updates = out_.str();
  EXPECT_EQ(std::count(updates.begin(), updates.end(), '\r'), 1 + 5);
  EXPECT_EQ(updates.find('\n'), std::string::npos);
  progress.table_finished(1000);
  const std::string text = out_.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\r'), 1 + 5 + 1);
  EXPECT_EQ(text.substr(text.rfind('\r')),
            "\rtasks: 1000 rows copied in 1.00 s, 1000 rows/s; about 1 s left\n");
  // The next table starts a line of its own.
  progress.table_started("users", 5);
  progress.table_finished(5);
  EXPECT_EQ(out_.str().substr(text.size()),
            "\rusers: 0 of 5 rows\rusers: 5 rows copied in 0.00 s; about 1 s left\n");
}

TEST_F(ProgressReportTest, TerminalLineLeftOpenByAFailedCopyIsEndedSoTheErrorStartsALine) {
  {
    ProgressReport progress = report(true);
    progress.copy_started(10);
    progress.table_started("tasks", 10);
  }
  EXPECT_EQ(out_.str(), "\rtasks: 0 of 10 rows\n");
}

}  // namespace
}  // namespace projectd
