#include "domain/files/file_properties.h"

#include "base/errors.h"
#include "domain/files/file_access.h"

namespace projectd {

namespace {

void check_file_properties_access(Store& store, const Caller& caller, std::int64_t file_id,
                                  bool edit) {
  const Viewer viewer = viewer_of(caller);
  store.read([&](StoreTx& tx) {
    FileAccessResolver access(tx, viewer);
    const auto file = tx.files().by_id(file_id);
    if (!file) throw_not_found();
    const TreeAccess rights = access.of_file(*file);
    if (edit)
      access.require_edit(rights);
    else
      access.require_read(rights);
  });
}

}  // namespace

void FilePropertiesService::check_read(const Caller& caller, std::int64_t file_id) {
  check_file_properties_access(store_, caller, file_id, false);
}

void FilePropertiesService::check_write(const Caller& caller, std::int64_t file_id) {
  check_file_properties_access(store_, caller, file_id, true);
}

}  // namespace projectd
