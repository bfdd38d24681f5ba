#include "http/byte_range.h"

#include <gtest/gtest.h>

namespace projectd {
namespace {

void expect_partial(std::string_view header, std::uint64_t size, std::uint64_t offset,
                    std::uint64_t length) {
  const RangeDecision d = decide_range(header, size);
  EXPECT_EQ(d.outcome, RangeOutcome::kPartial) << header;
  EXPECT_EQ(d.range.offset, offset) << header;
  EXPECT_EQ(d.range.length, length) << header;
}

void expect_outcome(std::string_view header, std::uint64_t size, RangeOutcome outcome) {
  EXPECT_EQ(decide_range(header, size).outcome, outcome) << header << " of " << size;
}

TEST(ByteRange, FirstAndLast) {
  expect_partial("bytes=0-0", 100, 0, 1);
  expect_partial("bytes=0-99", 100, 0, 100);
  expect_partial("bytes=10-19", 100, 10, 10);
  expect_partial("bytes=99-99", 100, 99, 1);
}

TEST(ByteRange, LastPastTheEndIsClamped) {
  expect_partial("bytes=90-1000", 100, 90, 10);
  expect_partial("bytes=0-18446744073709551615", 100, 0, 100);
}

TEST(ByteRange, OpenEnded) {
  expect_partial("bytes=0-", 100, 0, 100);
  expect_partial("bytes=42-", 100, 42, 58);
  expect_partial("bytes=99-", 100, 99, 1);
}

TEST(ByteRange, Suffix) {
  expect_partial("bytes=-1", 100, 99, 1);
  expect_partial("bytes=-30", 100, 70, 30);
  // A suffix longer than the file is the whole file.
  expect_partial("bytes=-100", 100, 0, 100);
  expect_partial("bytes=-5000", 100, 0, 100);
}

TEST(ByteRange, StartAtOrBeyondTheEndIsUnsatisfiable) {
  expect_outcome("bytes=100-", 100, RangeOutcome::kUnsatisfiable);
  expect_outcome("bytes=100-200", 100, RangeOutcome::kUnsatisfiable);
  expect_outcome("bytes=5000-6000", 100, RangeOutcome::kUnsatisfiable);
  expect_outcome("bytes=-0", 100, RangeOutcome::kUnsatisfiable);
}

TEST(ByteRange, EmptyFile) {
  expect_outcome("bytes=0-", 0, RangeOutcome::kUnsatisfiable);
  expect_outcome("bytes=0-0", 0, RangeOutcome::kUnsatisfiable);
  expect_outcome("bytes=-0", 0, RangeOutcome::kUnsatisfiable);
  // The last 10 bytes of nothing: the whole (empty) file, as a 200.
  expect_outcome("bytes=-10", 0, RangeOutcome::kFull);
}

TEST(ByteRange, WhatCannotBeReadIsIgnored) {
  for (std::string_view header :
       {"", "bytes", "bytes=", "bytes=-", "bytes=abc", "bytes=1-x", "bytes=x-1", "bytes=5-2",
        "bytes=1", "items=0-10", "bytes=+1-2", "bytes=0-99999999999999999999999",
        "bytes=99999999999999999999999-"}) {
    expect_outcome(header, 100, RangeOutcome::kFull);
  }
}

TEST(ByteRange, UnitAndSpacingAreLenient) {
  expect_partial("Bytes=1-2", 100, 1, 2);
  expect_partial(" bytes = 1-2 ", 100, 1, 2);
  expect_partial("bytes=1-2,", 100, 1, 2);
  expect_partial("bytes=, 1-2", 100, 1, 2);
}

TEST(ByteRange, SeveralRangesAnswerTheWholeFile) {
  expect_outcome("bytes=0-1,5-6", 100, RangeOutcome::kFull);
  expect_outcome("bytes=0-1, -5", 100, RangeOutcome::kFull);
}

}  // namespace
}  // namespace projectd
