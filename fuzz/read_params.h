// Reads bound parameters the way the API handlers do, so a fuzz input reaches the typed
// conversions (ints, bools, enums, dates, GUIDs, lists, indexed objects) and not only the parsers.
#pragma once

#include "base/errors.h"
#include "http/params.h"

#include <string_view>

namespace projectd::fuzz {

// Calls `read`, treating a 4xx ApiError as the expected answer to bad input. Anything else
// propagates, so libFuzzer reports it: the server would answer it with a 500 (docs/architecture.md,
// "Errors": never a 500 for a client's mistake).
template <typename Read>
void expect_api_errors_only(Read&& read) {
  try {
    read();
  } catch (const ApiError& error) {
    if (error.http_status() >= 500) throw;
  }
}

// Reads `key` with every typed getter, each on its own so one 400 does not hide the others.
void read_key_every_way(const Params& params, std::string_view key);

// Every key sent, read every way; every `list[i][field]` prefix through objects_of, recursively.
void read_all_params(const Params& params);

}  // namespace projectd::fuzz
