#include "domain/files/files_settings_service.h"

#include "base/errors.h"

namespace projectd {

FilesUserSettings FilesSettingsService::get(const Caller& caller) {
  return store_.read_value(
      [&](StoreTx& tx) { return tx.files_settings().of_user(caller.user_id); });
}

FilesUserSettings FilesSettingsService::update(
    const Caller& caller, const std::function<void(FilesUserSettings&)>& change) {
  if (caller.is_visitor) throw_forbidden("Guests have no Documents settings of their own");
  return store_.write_value([&](StoreTx& tx) {
    FilesUserSettings settings = tx.files_settings().of_user(caller.user_id);
    change(settings);
    tx.files_settings().save_user(caller.user_id, settings);
    return settings;
  });
}

}  // namespace projectd
