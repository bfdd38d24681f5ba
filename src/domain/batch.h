// Batch operations (delete several projects, close several tasks...) change the ids they may and
// report the others instead of swallowing them as the original did (original-wire §8.16).
#pragma once

#include "base/errors.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace projectd {

// One id of a batch that was refused, with the status and message a single call would answer.
struct BatchFailure {
  std::int64_t id = 0;
  int status = 0;
  std::string message;
};

// Runs `one(id)` for each distinct id inside the caller's transaction. A client error (4xx) of one
// id is recorded in `failed` and the others go on, so `one` must throw before it changes anything;
// any other error fails the whole batch.
template <class One>
void for_each_in_batch(const std::vector<std::int64_t>& ids, std::vector<BatchFailure>& failed,
                       One one) {
  std::vector<std::int64_t> seen;
  for (std::int64_t id : ids) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    seen.push_back(id);
    try {
      one(id);
    } catch (const ApiError& error) {
      if (error.http_status() < 400 || error.http_status() >= 500) throw;
      failed.push_back(BatchFailure{id, error.http_status(), error.what()});
    }
  }
}

}  // namespace projectd
