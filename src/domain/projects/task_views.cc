#include "domain/projects/task_views.h"

#include "domain/projects/task_access.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

namespace projectd {

namespace {

template <class T>
std::vector<T> as_vector(const std::set<T>& ids) {
  return std::vector<T>(ids.begin(), ids.end());
}

void add_subtask_people(std::vector<std::string>& ids, const SubtaskRecord& subtask) {
  ids.push_back(subtask.created_by);
  ids.push_back(subtask.updated_by);
  if (subtask.responsible_id) ids.push_back(*subtask.responsible_id);
}

void add_task_people(std::vector<std::string>& ids, const TaskRecord& task) {
  ids.push_back(task.created_by);
  ids.push_back(task.updated_by);
  ids.insert(ids.end(), task.responsibles.begin(), task.responsibles.end());
}

TaskRights rights_of(const ProjectSecurity& security, const TaskRecord& task,
                     const std::vector<SubtaskRecord>& subtasks) {
  TaskRights rights;
  rights.edit = security.can_edit_task(task);
  rights.create_subtask = security.can_create_subtask(task);
  rights.create_time_spend = security.can_create_time_spend(task, subtasks);
  rights.remove = security.can_delete_task(task);
  rights.read_files = security.can_read_files();
  return rights;
}

// The ids of `tasks`, sorted and distinct: as build_views reads their subtasks and links.
std::vector<std::int64_t> distinct_ids(const std::vector<TaskRecord>& tasks) {
  std::set<std::int64_t> task_ids;
  for (const TaskRecord& task : tasks)
    task_ids.insert(task.id);
  return as_vector(task_ids);
}

// Everything but the people of load_task_views; `people` collects their ids.
std::vector<TaskView> build_views(StoreTx& tx, const TaskParents& parents,
                                  std::vector<TaskRecord> tasks, std::vector<std::string>& people) {
  const std::vector<std::int64_t> ids = distinct_ids(tasks);
  std::map<std::int64_t, std::vector<SubtaskRecord>> subtasks;
  for (SubtaskRecord& subtask : tx.tasks().subtasks_of(ids))
    subtasks[subtask.task_id].push_back(std::move(subtask));
  const std::vector<TaskLinkRecord> links = tx.tasks().links_of(ids);
  const std::map<std::int64_t, AccessibleProject>& projects = parents.projects;
  const std::map<std::int64_t, MilestoneRecord>& milestones = parents.milestones;

  std::vector<TaskView> views;
  views.reserve(tasks.size());
  for (TaskRecord& task : tasks) {
    const auto project = projects.find(task.project_id);
    if (project == projects.end()) continue;  // the project went away since the task was read
    const ProjectSecurity& security = project->second.security;
    TaskView view;
    const std::vector<SubtaskRecord>& own = subtasks[task.id];
    view.rights = rights_of(security, task, own);
    for (const SubtaskRecord& subtask : own) {
      add_subtask_people(people, subtask);
      view.subtasks.push_back(SubtaskView{subtask, security.can_edit_subtask(task, subtask)});
    }
    std::copy_if(links.begin(), links.end(), std::back_inserter(view.links),
                 [&](const TaskLinkRecord& link) {
                   return link.parent_task_id == task.id || link.dependence_task_id == task.id;
                 });
    if (task.milestone_id) {
      const auto milestone = milestones.find(*task.milestone_id);
      if (milestone != milestones.end()) view.milestone = milestone->second;
    }
    add_task_people(people, task);
    view.project = project->second.project;
    view.task = std::move(task);
    views.push_back(std::move(view));
  }
  return views;
}

// On PostgreSQL, the reads of a task's detail in two round trips rather than one each
// (StoreTx::prefetch): first what the task's id names, then what its project and its attached
// files name. Each read here is one load_task_detail makes next, with the same arguments: one
// that differs costs a round trip, never a wrong answer (task_detail_round_trips_test.cc counts
// them).
void prefetch_task_detail(StoreTx& tx, const Viewer& viewer, std::int64_t task_id) {
  const std::vector<std::int64_t> ids{task_id};
  const bool ahead = tx.prefetch([&](StoreTx& reads) {
    reads.tasks().by_ids(ids);
    reads.tasks().subtasks_of(ids);
    reads.tasks().links_of(ids);
    reads.comments().of(CommentTarget::kTask, {task_id});
    reads.attachments().of_entities(EntityKind::kTask, {task_id});
    reads.tasks().is_subscribed(task_id, viewer.user_id);
    reads.time().seconds_by_task(ids);
  });
  if (!ahead) return;  // SQLite: the reads below would only repeat
  const std::vector<TaskRecord> task = tx.tasks().by_ids(ids);
  if (task.empty()) return;
  std::vector<std::int64_t> files;
  for (const AttachmentRecord& attached :
       tx.attachments().of_entities(EntityKind::kTask, {task_id}))
    files.push_back(attached.file_id);
  const std::vector<std::int64_t> project{task.front().project_id};
  tx.prefetch([&](StoreTx& reads) {
    record_task_parent_reads(reads, viewer, task);
    reads.project_totals().counts_of(project);
    reads.projects().followed_among(project, viewer.user_id);
    reads.projects().tags_of(project);
    reads.project_totals().seconds_by_project(viewer, project);
    reads.files().by_ids(files);
    reads.file_shares().shared_files(files);
  });
}

}  // namespace

TaskViews load_task_views(StoreTx& tx, const Viewer& viewer, std::vector<TaskRecord> tasks) {
  TaskViews out;
  if (tasks.empty()) return out;
  // On PostgreSQL the reads of everything but the people go in one round trip.
  tx.prefetch([&](StoreTx& reads) {
    record_task_parent_reads(reads, viewer, tasks);
    const std::vector<std::int64_t> ids = distinct_ids(tasks);
    reads.tasks().subtasks_of(ids);
    reads.tasks().links_of(ids);
  });
  std::vector<std::string> people;
  const TaskParents parents = load_task_parents(tx, viewer, tasks);
  out.tasks = build_views(tx, parents, std::move(tasks), people);
  out.people = PeopleIndex::load(tx.users(), people);
  out.total = static_cast<std::int64_t>(out.tasks.size());
  return out;
}

TaskViews load_task_view(StoreTx& tx, const Viewer& viewer, TaskRecord task) {
  std::vector<TaskRecord> tasks;
  tasks.push_back(std::move(task));
  return load_task_views(tx, viewer, std::move(tasks));
}

TaskDetail load_task_detail(StoreTx& tx, const Viewer& viewer, std::int64_t task_id) {
  prefetch_task_detail(tx, viewer, task_id);
  TaskScope scope = readable_task(tx, viewer, task_id);
  const bool can_edit_files = scope.security.can_edit_task_files(scope.task);
  const CommentScope comment_scope = task_comment_scope(scope);
  const TaskParents parents = parents_of(scope);
  std::vector<TaskRecord> tasks;
  tasks.push_back(std::move(scope.task));
  std::vector<std::string> people;
  TaskViews views;
  views.tasks = build_views(tx, parents, std::move(tasks), people);
  views.total = 1;
  ProjectView project =
      view_of(tx, viewer, AccessibleProject{std::move(scope.project), std::move(scope.security)});
  collect_people(project.project, people);
  CommentThread comments = comment_thread(tx, viewer, comment_scope);
  collect_comment_people(comments, people);
  // docs/wire-compatibility.md, "Who may change a project's files": without canReadFiles the list
  // is empty rather than an error.
  std::vector<FileView> files;
  if (project.security.can_read_files()) {
    // Attached files mostly live in this project's folders: judge them by what was read above.
    FileAccessResolver access(tx, viewer);
    access.knows_project(project.project.id, project.security);
    files = file_views(tx, access, attached_files(tx, EntityKind::kTask, task_id), people);
  }
  views.people = PeopleIndex::load(tx.users(), people);
  TaskDetail detail{std::move(views),
                    std::move(project),
                    tx.tasks().is_subscribed(task_id, viewer.user_id),
                    can_edit_files,
                    comment_scope.can_comment,
                    std::move(comments),
                    std::move(files)};
  // timeSpend: every entry of a task the viewer reads, summed in the store.
  for (const TimeTotal& total : tx.time().seconds_by_task({task_id}))
    detail.time_seconds = total.seconds;
  return detail;
}

std::vector<ChangeScope> scopes_shown(const TaskDetail& detail) {
  return {ChangeScope::task(detail.views.tasks.front().task.id),
          ChangeScope::project(detail.project.project.id)};
}

SubtaskResult load_subtask_view(StoreTx& tx, const ProjectSecurity& security,
                                const TaskRecord& task, const SubtaskRecord& subtask) {
  std::vector<std::string> people;
  add_subtask_people(people, subtask);
  return SubtaskResult{SubtaskView{subtask, security.can_edit_subtask(task, subtask)},
                       PeopleIndex::load(tx.users(), people)};
}

}  // namespace projectd
