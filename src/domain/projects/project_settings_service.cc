#include "domain/projects/project_settings_service.h"

#include "base/errors.h"
#include "domain/projects/security.h"

namespace projectd {

namespace {

ProjectSettingsView settings_view(StoreTx& tx, const std::string& user_id) {
  ProjectSettingsView out;
  out.portal = tx.project_settings().portal();
  const ProjectUserSettings user = tx.project_settings().of_user(user_id);
  out.start_module = user.start_module;
  if (user.folder_id) {
    out.folder_id = *user.folder_id;
  } else if (auto my = tx.folders().my_folder(user_id)) {
    out.folder_id = std::to_string(my->id);
  }
  return out;
}

}  // namespace

bool may_create_projects(StoreTx& tx, const Viewer& viewer) {
  if (!can_create_project(viewer)) return false;
  return viewer.is_admin || tx.project_settings().portal().everybody_can_create;
}

void require_project_creator(StoreTx& tx, const Viewer& viewer) {
  if (!may_create_projects(tx, viewer))
    throw_forbidden("Only those who may create projects may do this");
}

ProjectSettingsService::ProjectSettingsService(Store& store) : store_(store) {}

ProjectSettingsView ProjectSettingsService::get(const Caller& caller) {
  return store_.read_value([&](StoreTx& tx) { return settings_view(tx, caller.user_id); });
}

ProjectSettingsView ProjectSettingsService::update(const Caller& caller,
                                                   const ProjectSettingsChanges& changes) {
  const Viewer viewer = viewer_of(caller);
  const bool portal = changes.everybody_can_create || changes.hide_paused;
  const bool own = changes.start_module || changes.folder_id;
  if (portal && !viewer.is_admin)
    throw_forbidden("Only administrators change the portal's settings");
  if (own && viewer.is_visitor) throw_forbidden("Guests have no Projects settings");
  if (changes.folder_id && changes.folder_id->size() > 255)
    throw_bad_request("Parameter 'folderId' is too long");
  return store_.write_value([&](StoreTx& tx) {
    if (portal) {
      ProjectPortalSettings settings = tx.project_settings().portal();
      if (changes.everybody_can_create)
        settings.everybody_can_create = *changes.everybody_can_create;
      if (changes.hide_paused) settings.hide_paused = *changes.hide_paused;
      tx.project_settings().save_portal(settings);
    }
    if (own) {
      ProjectUserSettings settings = tx.project_settings().of_user(caller.user_id);
      if (changes.start_module) settings.start_module = *changes.start_module;
      if (changes.folder_id) settings.folder_id = *changes.folder_id;
      tx.project_settings().save_user(caller.user_id, settings);
    }
    return settings_view(tx, caller.user_id);
  });
}

}  // namespace projectd
