#include "app/progress_report.h"

#include <cstdio>

namespace projectd {
namespace {

std::string progress_number(const char* format, double value) {
  char text[64];
  std::snprintf(text, sizeof text, format, value);
  return text;
}

// "12 s" below two minutes, then "3 min": an estimate, not a measurement.
std::string progress_duration(double seconds) {
  return seconds < 120 ? progress_number("%.0f s", seconds)
                       : progress_number("%.0f min", seconds / 60);
}

// Migration names carry their number ("0012_tags"); the line shows the number once.
std::string_view migration_short_name(std::string_view name) {
  const std::size_t underscore = name.find('_');
  if (underscore == std::string_view::npos || underscore == 0) return name;
  for (std::size_t i = 0; i < underscore; ++i) {
    if (name[i] < '0' || name[i] > '9') return name;
  }
  return name.substr(underscore + 1);
}

}  // namespace

ProgressReport::ProgressReport(std::ostream& out, bool terminal, Clock clock)
    : out_(out), terminal_(terminal), clock_(std::move(clock)) {}

ProgressReport::~ProgressReport() {
  if (line_width_ > 0) out_ << '\n' << std::flush;
}

double ProgressReport::seconds_since(std::chrono::steady_clock::time_point start) const {
  return std::chrono::duration<double>(clock_() - start).count();
}

void ProgressReport::copy_started(std::int64_t total_rows) {
  copy_start_ = clock_();
  copy_total_ = total_rows;
  copy_done_ = 0;
}

void ProgressReport::table_started(const std::string& name, std::int64_t rows, bool checked) {
  table_ = name;
  table_total_ = rows;
  table_checked_ = checked;
  table_start_ = last_update_ = clock_();
  if (terminal_) {
    rewrite_line(name + ": 0 of " + std::to_string(rows) + " rows");
    return;
  }
  out_ << name << ": " << rows
       << (checked ? " rows to check (the target's triggers build them)" : " rows to copy") << '\n'
       << std::flush;
}

void ProgressReport::table_rows(std::int64_t rows) {
  if (!terminal_) return;
  const auto now = clock_();
  if (now - last_update_ < kTerminalUpdateInterval) return;
  last_update_ = now;
  rewrite_line(table_ + ": " + std::to_string(rows) + " of " + std::to_string(table_total_) +
               " rows" + rate_and_estimate(rows, seconds_since(table_start_)));
}

void ProgressReport::table_finished(std::int64_t rows) {
  const double seconds = seconds_since(table_start_);
  const std::string line = table_ + ": " + std::to_string(rows) +
                           (table_checked_ ? " rows checked in " : " rows copied in ") +
                           progress_number("%.2f s", seconds) + rate_and_estimate(rows, seconds);
  if (!table_checked_) copy_done_ += rows;
  if (terminal_) {
    rewrite_line(line);
    out_ << '\n' << std::flush;
    line_width_ = 0;
    return;
  }
  out_ << line << '\n' << std::flush;
}

std::string ProgressReport::rate_and_estimate(std::int64_t rows, double seconds) const {
  std::string text;
  if (seconds > 0) text = progress_number(", %.0f rows/s", static_cast<double>(rows) / seconds);
  if (table_checked_) return text;
  const std::int64_t done = copy_done_ + rows;
  const double elapsed = seconds_since(copy_start_);
  if (done <= 0 || elapsed <= 0 || done >= copy_total_) return text;
  const double left = static_cast<double>(copy_total_ - done) * elapsed / static_cast<double>(done);
  return text + "; about " + progress_duration(left) + " left";
}

void ProgressReport::rewrite_line(const std::string& text) {
  // Spaces over what a longer previous text left: no escape code needed.
  out_ << '\r' << text;
  if (text.size() < line_width_) out_ << std::string(line_width_ - text.size(), ' ');
  line_width_ = text.size();
  out_ << std::flush;
}

void ProgressReport::copy_finished(std::int64_t rows, std::size_t tables, double seconds) {
  out_ << "Copied " << rows << " rows of " << tables << " tables from the source to the target in "
       << progress_number("%.2f s", seconds)
       << (seconds > 0 ? progress_number(" (%.0f rows/s)", static_cast<double>(rows) / seconds)
                       : std::string())
       << ".\n"
       << std::flush;
}

void ProgressReport::migration_applied(int number, std::string_view name, double seconds) {
  migration_seconds_ += seconds;
  out_ << "Applied migration " << number << " (" << migration_short_name(name) << ") in "
       << progress_number("%.2f s", seconds) << '\n'
       << std::flush;
}

void ProgressReport::migrations_finished(int applied) {
  out_ << "Applied " << applied << " migration" << (applied == 1 ? "" : "s")
       << "; the schema is up to date";
  if (applied > 0) out_ << " (" << progress_number("%.2f s", migration_seconds_) << ")";
  out_ << ".\n" << std::flush;
}

}  // namespace projectd
