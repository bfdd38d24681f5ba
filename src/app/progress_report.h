// The progress lines of `projectd copy` and `projectd migrate` (docs/operations.md, "Progress of
// copy and migrate").
//
// Copy: per table, the rows copied of the table's count (counted in the source first), rows per
// second, and an estimate of the time left for the whole copy from the rate so far. On a terminal
// each table has one line, rewritten in place with '\r' at most every kTerminalUpdateInterval and
// finished with a newline. Otherwise (a pipe, a file, a journal) plain lines only, never '\r' or
// an escape code: one when a table starts, with its row count, and one when it ends, with its
// rows, seconds, rows per second and the estimate. Migrate: one line per migration applied
// (number, name, seconds) and a summary, the same on a terminal (migrations are few).
//
// The caller says whether the output is a terminal (isatty(fileno(stdout))); the clock is
// injectable so that tests get exact rates. Nothing here names a store URL (it may hold a
// password).
//
// Thread safety: none; one thread (the command's) calls it, and nothing else may write to the
// stream meanwhile.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace projectd {

class ProgressReport {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  static constexpr std::chrono::milliseconds kTerminalUpdateInterval{200};

  ProgressReport(std::ostream& out, bool terminal, Clock clock = std::chrono::steady_clock::now);
  // Ends a terminal line left open (a copy that failed mid-table), so the error starts a line.
  ~ProgressReport();
  ProgressReport(const ProgressReport&) = delete;
  ProgressReport& operator=(const ProgressReport&) = delete;

  // The copy is about to copy `total_rows` rows over all its tables (the estimate's base).
  void copy_started(std::int64_t total_rows);
  // A table starts: `rows` counted in the source. `checked`: the target's triggers build the
  // table, so its rows are checked, not copied, and do not count toward the copy's total.
  void table_started(const std::string& name, std::int64_t rows, bool checked = false);
  // `rows` of the current table are in so far (a terminal line is rewritten, throttled).
  void table_rows(std::int64_t rows);
  void table_finished(std::int64_t rows);
  // The summary: `seconds` of the whole command (migrating the target and checking it included).
  void copy_finished(std::int64_t rows, std::size_t tables, double seconds);

  void migration_applied(int number, std::string_view name, double seconds);
  void migrations_finished(int applied);

 private:
  double seconds_since(std::chrono::steady_clock::time_point start) const;
  // ", N rows/s" for `rows` in `seconds` (nothing when no time passed), then "; about T left"
  // for the whole copy, from its rate so far with `rows` of the current table in (nothing for a
  // checked table, before any rate, or when nothing is left).
  std::string rate_and_estimate(std::int64_t rows, double seconds) const;
  // On a terminal: rewrites the current line with `text` (padded over what it replaces).
  void rewrite_line(const std::string& text);

  std::ostream& out_;
  const bool terminal_;
  const Clock clock_;
  std::chrono::steady_clock::time_point copy_start_{};
  std::int64_t copy_total_ = 0;
  std::int64_t copy_done_ = 0;  // rows of the tables finished
  std::chrono::steady_clock::time_point table_start_{};
  std::chrono::steady_clock::time_point last_update_{};
  std::string table_;
  std::int64_t table_total_ = 0;
  bool table_checked_ = false;
  std::size_t line_width_ = 0;    // of the terminal line being rewritten
  double migration_seconds_ = 0;  // of the migrations applied
};

}  // namespace projectd
