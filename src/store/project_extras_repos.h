// The smaller parts of the Projects module as the store keeps them: the tag list, the module's
// settings (ProjectsCommonSettings), project templates and each project's gantt order. Each call is
// one statement or two, whatever the data.
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

struct TagRecord {
  std::int64_t id = 0;
  std::string title;
};

class TagRepo {
 public:
  virtual ~TagRepo() = default;
  // Every tag, used or not, by title (ASCII case ignored), then id.
  virtual std::vector<TagRecord> all() = 0;
  // Tags whose title contains `text` (ASCII case ignored, matched literally), by title; at most
  // `limit`.
  virtual std::vector<TagRecord> containing(std::string_view text, std::int64_t limit) = 0;
  // The tag of this title (ASCII case ignored), made when missing; the title is kept as given.
  virtual TagRecord ensure(std::string_view title) = 0;
  virtual std::vector<TagRecord> by_ids(const std::vector<std::int64_t>& ids) = 0;
  // The ids of the projects carrying the tag of this title (ASCII case ignored), sorted.
  virtual std::vector<std::int64_t> projects_with(std::string_view title) = 0;
};

// StartModuleType of the original.
enum class StartModule { kProjects = 0, kTasks = 1, kDiscussions = 2, kTimeTracking = 3 };

// The portal's half of ProjectsCommonSettings; a portal that never saved them has these values.
struct ProjectPortalSettings {
  bool everybody_can_create = true;  // non-guests create projects (projectd's rule from the start)
  bool hide_paused = true;           // HideEntitiesInPausedProjects
};

// Each user's half.
struct ProjectUserSettings {
  StartModule start_module = StartModule::kTasks;
  std::optional<std::string> folder_id;  // none: the user's @my folder
};

class ProjectSettingsRepo {
 public:
  virtual ~ProjectSettingsRepo() = default;
  virtual ProjectPortalSettings portal() = 0;
  virtual void save_portal(const ProjectPortalSettings& settings) = 0;
  virtual ProjectUserSettings of_user(std::string_view user_id) = 0;
  virtual void save_user(std::string_view user_id, const ProjectUserSettings& settings) = 0;
};

struct ProjectTemplateRecord {
  std::int64_t id = 0;
  std::string title;
  std::string description;  // the plan, JSON as the web client writes it
  Timestamp created{};
  std::string created_by;
  Timestamp updated{};
  std::string updated_by;
};

class ProjectTemplateRepo {
 public:
  virtual ~ProjectTemplateRepo() = default;
  virtual std::vector<ProjectTemplateRecord> all() = 0;  // by id
  virtual std::optional<ProjectTemplateRecord> by_id(std::int64_t id) = 0;
  virtual std::int64_t insert(const ProjectTemplateRecord& record) = 0;  // returns the new id
  virtual void update(const ProjectTemplateRecord& record) = 0;
  virtual void remove(std::int64_t id) = 0;
};

class GanttOrderRepo {
 public:
  virtual ~GanttOrderRepo() = default;
  virtual std::optional<std::string> of_project(std::int64_t project_id) = 0;
  virtual void save(std::int64_t project_id, const std::string& order) = 0;
};

}  // namespace projectd
