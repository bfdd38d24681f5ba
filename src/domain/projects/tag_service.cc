#include "domain/projects/tag_service.h"

#include "base/ascii.h"
#include "base/errors.h"
#include "domain/projects/project_settings_service.h"
#include "domain/projects/security.h"

namespace projectd {

namespace {

constexpr std::int64_t kMaxTagMatches = 1000;
constexpr std::size_t kMaxTagTitle = 255;

}  // namespace

TagService::TagService(Store& store) : store_(store) {}

std::vector<TagRecord> TagService::all(const Caller&) {
  return store_.read_value([&](StoreTx& tx) { return tx.tags().all(); });
}

std::vector<std::string> TagService::search(const Caller&, std::string_view text) {
  const std::string_view wanted = ascii::trim(text);
  if (wanted.empty()) return {};
  return store_.read_value([&](StoreTx& tx) {
    std::vector<std::string> titles;
    for (TagRecord& tag : tx.tags().containing(wanted, kMaxTagMatches))
      titles.push_back(std::move(tag.title));
    return titles;
  });
}

TagRecord TagService::create(const Caller& caller, std::string_view title) {
  const std::string_view clean = ascii::trim(title);
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    require_project_creator(tx, viewer);
    if (clean.empty()) throw_bad_request("Parameter 'data' is required: the tag's title");
    if (clean.size() > kMaxTagTitle)
      throw_bad_request("Parameter 'data': a tag has at most 255 characters");
    return tx.tags().ensure(clean);
  });
}

}  // namespace projectd
