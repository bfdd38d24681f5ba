// The Projects module's settings (ProjectsCommonSettings, ProjectApi GET/PUT settings): the
// portal's half (everybody may create projects, hide what paused projects hold) is changed by
// admins only (403 for anyone else); each person's half (start module, folder) by that person,
// guests excepted (403). Reading needs only a signed-in caller. A refused change changes nothing.
// Thread safety: every method may be called from any worker thread at once.
#pragma once

#include "domain/caller.h"
#include "store/store.h"

#include <optional>
#include <string>

namespace projectd {

// Both halves as one caller sees them. `folder_id` is the saved folder, else the caller's @my
// folder id, else empty (a guest has none).
struct ProjectSettingsView {
  ProjectPortalSettings portal;
  StartModule start_module = StartModule::kTasks;
  std::string folder_id;
};

// What PUT settings sent; absent members keep their value.
struct ProjectSettingsChanges {
  std::optional<bool> everybody_can_create;
  std::optional<bool> hide_paused;
  std::optional<StartModule> start_module;
  std::optional<std::string> folder_id;
};

// Inside a transaction: 403 unless the viewer may create projects (not a guest, and an admin
// unless the portal lets everybody create them).
void require_project_creator(StoreTx& tx, const Viewer& viewer);
bool may_create_projects(StoreTx& tx, const Viewer& viewer);

class ProjectSettingsService {
 public:
  explicit ProjectSettingsService(Store& store);

  ProjectSettingsView get(const Caller& caller);
  ProjectSettingsView update(const Caller& caller, const ProjectSettingsChanges& changes);

 private:
  Store& store_;
};

}  // namespace projectd
