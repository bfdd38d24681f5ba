// GET/PUT files/{fileid}/properties (the original's EntryProperties; docs/wire-compatibility.md,
// "File properties"): the original keeps only form-filling properties there, for its fillable
// forms, which projectd does not serve. So nothing is stored: a read answers the empty shape to
// whoever may read the file, a write is checked as a change of the file (404 -> 409 -> 403) and
// answers the same. Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/caller.h"
#include "store/store.h"

#include <cstdint>

namespace projectd {

class FilePropertiesService {
 public:
  explicit FilePropertiesService(Store& store) : store_(store) {}
  void check_read(const Caller& caller, std::int64_t file_id);
  void check_write(const Caller& caller, std::int64_t file_id);

 private:
  Store& store_;
};

}  // namespace projectd
