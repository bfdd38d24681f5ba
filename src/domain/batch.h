// Batch calls (DELETE task, PUT task/status, DELETE milestone...): each id is handled as the single
// call would handle it, inside the one transaction of the batch; an id the single call would
// refuse with a client error is reported instead of failing the others (the original swallowed
// such errors silently). Each operation must throw before it changes anything.
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

// Runs `one(id)` for each distinct id in order; client errors (4xx) become failures, anything
// else propagates and fails the whole batch.
template <class One>
std::vector<BatchFailure> for_each_in_batch(const std::vector<std::int64_t>& ids, One&& one) {
  std::vector<std::int64_t> seen;
  std::vector<BatchFailure> failed;
  for (std::int64_t id : ids) {
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
    seen.push_back(id);
    try {
      one(id);
    } catch (const ApiError& error) {
      if (error.http_status() >= 500) throw;
      failed.push_back(BatchFailure{id, error.http_status(), error.what()});
    }
  }
  return failed;
}

}  // namespace projectd
