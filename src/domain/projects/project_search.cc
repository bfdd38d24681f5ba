// ProjectService::search. The original searches its full-text index of every module; projectd
// searches the entities it keeps, with the same visibility as their lists: portal-wide projects
// and tasks (milestones have no portal-wide query), inside one project its milestones and tasks.
#include "base/ascii.h"
#include "domain/projects/project_service.h"

#include <algorithm>
#include <map>

namespace projectd {

namespace {

constexpr std::int64_t kMaxHitsPerKind = 1000;

SearchItem project_item(const ProjectRecord& project) {
  return SearchItem{SearchEntity::kProject, project.id, project.title, project.description,
                    project.created};
}

SearchItem task_item(const TaskRecord& task) {
  return SearchItem{SearchEntity::kTask, task.id, task.title, task.description, task.created};
}

// The same case folding as the store's LIKE: ASCII letters only.
bool contains(const std::string& haystack, const std::string& folded_needle) {
  return ascii::to_lower(haystack).find(folded_needle) != std::string::npos;
}

void add_tasks(StoreTx& tx, TaskQuery query, std::vector<SearchHit>& hits,
               const std::map<std::int64_t, ProjectRecord>& known_projects) {
  query.limit = kMaxHitsPerKind;
  const std::vector<TaskRecord> tasks = tx.tasks().page(query);
  std::map<std::int64_t, ProjectRecord> projects = known_projects;
  std::vector<std::int64_t> missing;
  for (const TaskRecord& task : tasks) {
    if (!projects.contains(task.project_id)) missing.push_back(task.project_id);
  }
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  for (ProjectRecord& project : tx.projects().by_ids(missing)) {
    const std::int64_t id = project.id;
    projects.emplace(id, std::move(project));
  }
  for (const TaskRecord& task : tasks) {
    auto project = projects.find(task.project_id);
    std::optional<SearchItem> owner;
    if (project != projects.end()) owner = project_item(project->second);
    hits.push_back(SearchHit{task_item(task), std::move(owner)});
  }
}

}  // namespace

std::vector<SearchHit> ProjectService::search(const Caller& caller, std::string_view text,
                                              std::optional<std::int64_t> project_id) {
  const Viewer viewer = viewer_of(caller);
  const std::string needle(ascii::trim(text));
  return store_.read_value([&](StoreTx& tx) {
    std::vector<SearchHit> hits;
    TaskQuery tasks;
    tasks.viewer = viewer;
    tasks.text = needle;
    if (project_id) {
      AccessibleProject loaded = load_readable_project(tx, viewer, *project_id);
      if (needle.empty()) return hits;
      const std::string folded = ascii::to_lower(needle);
      for (const MilestoneRecord& milestone : tx.milestones().of_project(*project_id)) {
        if (static_cast<std::int64_t>(hits.size()) == kMaxHitsPerKind) break;
        if (!loaded.security.can_read_milestone(milestone)) continue;
        if (!contains(milestone.title, folded) && !contains(milestone.description, folded))
          continue;
        hits.push_back(SearchHit{SearchItem{SearchEntity::kMilestone, milestone.id, milestone.title,
                                            milestone.description, milestone.created},
                                 project_item(loaded.project)});
      }
      tasks.project_id = *project_id;
      add_tasks(tx, tasks, hits, {{*project_id, loaded.project}});
      return hits;
    }
    if (needle.empty()) return hits;
    ProjectQuery projects;
    projects.viewer = viewer;
    projects.text = needle;
    projects.sort = ProjectSort::kTitle;
    projects.limit = kMaxHitsPerKind;
    for (const ProjectRecord& project : tx.projects().page(projects))
      hits.push_back(SearchHit{project_item(project), std::nullopt});
    add_tasks(tx, tasks, hits, {});
    return hits;
  });
}

}  // namespace projectd
