// Each person's Documents settings (the original's FilesSettings, stored per user): the
// `updateifexist` default of uploads, store-original, the convert confirmations, which sections
// show, and the trash's auto clean-up. Every signed-in person but a guest keeps their own; a guest
// reads the defaults and may change nothing (403), as guests change nothing in Documents.
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/caller.h"
#include "store/store.h"

#include <functional>

namespace projectd {

class FilesSettingsService {
 public:
  explicit FilesSettingsService(Store& store) : store_(store) {}

  FilesUserSettings get(const Caller& caller);
  // Applies `change` to the caller's settings in one write and answers them as stored.
  FilesUserSettings update(const Caller& caller,
                           const std::function<void(FilesUserSettings&)>& change);

 private:
  Store& store_;
};

}  // namespace projectd
