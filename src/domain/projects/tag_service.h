// The portal's project tags (ProjectApi.Tags): listing, searching by title and creating one
// without a project. Which projects carry a tag is a project list (ProjectQuery::tag_title).
// Every signed-in person may read tags; creating one needs the right to create projects (403).
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/caller.h"
#include "store/store.h"

#include <string>
#include <string_view>
#include <vector>

namespace projectd {

class TagService {
 public:
  explicit TagService(Store& store);

  std::vector<TagRecord> all(const Caller& caller);
  // Titles containing `text` (ASCII case ignored, trimmed), at most 1000; none for blank text.
  std::vector<std::string> search(const Caller& caller, std::string_view text);
  // The tag of this title (trimmed), made unless one exists in any case; 400 for a blank title.
  TagRecord create(const Caller& caller, std::string_view title);

 private:
  Store& store_;
};

}  // namespace projectd
