#include "domain/projects/milestone_service.h"

#include "base/errors.h"
#include "domain/people/people_service.h"
#include "domain/projects/project_access.h"

#include <map>

namespace projectd {

namespace {

struct LoadedMilestone {
  MilestoneRecord milestone;
  AccessibleProject project;
};

// 404 unless the milestone exists and the viewer may read it.
LoadedMilestone load_readable(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  auto milestone = tx.milestones().by_id(id);
  if (!milestone) throw_not_found();
  AccessibleProject project = load_readable_project(tx, viewer, milestone->project_id);
  if (!project.security.can_read_milestone(*milestone)) throw_not_found();
  return LoadedMilestone{std::move(*milestone), std::move(project)};
}

void refuse_if_closed(const ProjectSecurity& security) {
  if (security.is_closed())
    throw_conflict("The project is closed; reopen it before changing its milestones");
}

// The responsible must be a person of the project: its manager or a team member, never a guest.
void require_responsible(StoreTx& tx, const ProjectRecord& project, const std::string& user_id) {
  require_people(tx, {user_id}, "responsible", true);
  if (user_id != project.responsible_id && !tx.projects().member(project.id, user_id))
    throw_bad_request("Parameter 'responsible': " + user_id +
                      " is not in the project team; add them to the team first");
}

void require_no_open_tasks(StoreTx& tx, const MilestoneRecord& milestone) {
  for (const MilestoneTaskCounts& c : tx.milestones().task_counts({milestone.id}))
    if (c.active > 0)
      throw_conflict("The milestone has " + std::to_string(c.active) +
                     " open task(s); close them or move them to another milestone first");
}

// Wrapper facts of many milestones: one statement each for projects, the caller's memberships,
// task counts and people, whatever the number of milestones.
MilestoneViews views_of(StoreTx& tx, const Viewer& viewer, std::vector<MilestoneRecord> list) {
  std::vector<std::int64_t> project_ids, milestone_ids;
  for (const MilestoneRecord& m : list) {
    project_ids.push_back(m.project_id);
    milestone_ids.push_back(m.id);
  }
  const std::map<std::int64_t, AccessibleProject> projects =
      projects_with_security(tx, viewer, std::move(project_ids));
  std::map<std::int64_t, MilestoneTaskCounts> counts;
  for (const MilestoneTaskCounts& c : tx.milestones().task_counts(milestone_ids))
    counts[c.milestone_id] = c;

  MilestoneViews out;
  std::vector<std::string> people;
  for (MilestoneRecord& m : list) {
    const AccessibleProject& project = projects.at(m.project_id);
    MilestoneView view;
    view.can_edit = project.security.can_edit_milestone(m);
    view.can_delete = project.security.can_delete_milestone(m);
    view.active_tasks = counts[m.id].active;
    view.closed_tasks = counts[m.id].closed;
    people.insert(people.end(), {m.responsible_id, m.created_by, m.updated_by});
    view.milestone = std::move(m);
    view.project = project.project;
    out.milestones.push_back(std::move(view));
  }
  out.total = static_cast<std::int64_t>(out.milestones.size());
  out.people = PeopleIndex::load(tx.users(), people);
  return out;
}

// One page of `query` with its total.
MilestoneViews page_views(StoreTx& tx, const MilestoneQuery& query) {
  MilestoneViews out = views_of(tx, query.viewer, tx.milestones().page(query));
  out.total = tx.milestones().count(query);
  return out;
}

MilestoneViews milestone_view_of(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  auto milestone = tx.milestones().by_id(id);
  if (!milestone) throw_not_found();
  return views_of(tx, viewer, {std::move(*milestone)});
}

void touch(MilestoneRecord& milestone, const Caller& caller) {
  milestone.updated = now_utc();
  milestone.updated_by = caller.user_id;
}

// Checks and deletes one milestone; throws before changing anything.
MilestoneView remove_one(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  LoadedMilestone loaded = load_readable(tx, viewer, id);
  refuse_if_closed(loaded.project.security);
  if (!loaded.project.security.can_delete_milestone(loaded.milestone)) throw_forbidden();
  MilestoneViews views = milestone_view_of(tx, viewer, id);
  tx.milestones().remove(id);
  return std::move(views.milestones.front());
}

}  // namespace

MilestoneService::MilestoneService(Store& store) : store_(store) {}

MilestoneViews MilestoneService::list(const Caller& caller, MilestoneQuery query) {
  query.viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) { return page_views(tx, query); });
}

MilestoneViews MilestoneService::list_project(const Caller& caller, std::int64_t project_id,
                                              MilestoneQuery query) {
  query.viewer = viewer_of(caller);
  query.project_id = project_id;
  return store_.read_value([&](StoreTx& tx) {
    load_readable_project(tx, query.viewer, project_id);
    return page_views(tx, query);
  });
}

MilestoneViews MilestoneService::get(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    load_readable(tx, viewer, id);
    return milestone_view_of(tx, viewer, id);
  });
}

std::int64_t add_milestone_in_tx(StoreTx& tx, const Viewer& viewer,
                                 const AccessibleProject& project, const NewMilestone& input) {
  if (project.security.is_closed())
    throw_conflict("The project is closed; reopen it before adding milestones");
  if (!project.security.can_create_milestone()) throw_forbidden();
  validate_name("title", input.title);
  if (!input.deadline) throw_bad_request("Parameter 'deadline' is required");
  MilestoneRecord m;
  m.project_id = project.project.id;
  m.title = input.title;
  m.description = input.description;
  m.deadline = *input.deadline;
  m.is_key = input.is_key;
  m.is_notify = input.is_notify;
  m.responsible_id = input.responsible_id.value_or(viewer.user_id);
  require_responsible(tx, project.project, m.responsible_id);
  m.created = m.updated = now_utc();
  m.created_by = m.updated_by = viewer.user_id;
  return tx.milestones().insert(m);
}

MilestoneViews MilestoneService::create(const Caller& caller, std::int64_t project_id,
                                        const NewMilestone& input) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    // A milestone shows in its tasks' answers and its project's counts: the project's scope.
    tx.changes_only({ChangeScope::project(project_id)});
    const AccessibleProject project = load_readable_project(tx, viewer, project_id);
    return milestone_view_of(tx, viewer, add_milestone_in_tx(tx, viewer, project, input));
  });
}

MilestoneViews MilestoneService::update(const Caller& caller, std::int64_t id,
                                        const MilestoneChanges& changes) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    LoadedMilestone loaded = load_readable(tx, viewer, id);
    tx.changes_only({ChangeScope::project(loaded.milestone.project_id)});
    refuse_if_closed(loaded.project.security);
    if (!loaded.project.security.can_edit_milestone(loaded.milestone)) throw_forbidden();
    MilestoneRecord& m = loaded.milestone;
    if (changes.title) {
      validate_name("title", *changes.title);
      m.title = *changes.title;
    }
    if (changes.description) m.description = *changes.description;
    if (changes.deadline) m.deadline = *changes.deadline;
    if (changes.is_key) m.is_key = *changes.is_key;
    if (changes.is_notify) m.is_notify = *changes.is_notify;
    if (changes.responsible_id) {
      require_responsible(tx, loaded.project.project, *changes.responsible_id);
      m.responsible_id = *changes.responsible_id;
    }
    // The original accepted `status` here and ignored it; we apply it with /status's rules.
    if (changes.status && *changes.status != m.status) {
      if (*changes.status == MilestoneStatus::kClosed) require_no_open_tasks(tx, m);
      m.status = *changes.status;
    }
    touch(m, caller);
    tx.milestones().update(m);
    return milestone_view_of(tx, viewer, id);
  });
}

MilestoneViews MilestoneService::set_status(const Caller& caller, std::int64_t id,
                                            MilestoneStatus status) {
  MilestoneChanges changes;
  changes.status = status;
  return update(caller, id, changes);
}

MilestoneViews MilestoneService::remove(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    MilestoneView view = remove_one(tx, viewer, id);
    tx.changes_only({ChangeScope::project(view.milestone.project_id)});  // its tasks lose it
    std::vector<std::string> people{view.milestone.responsible_id, view.milestone.created_by,
                                    view.milestone.updated_by};
    MilestoneViews out;
    out.milestones.push_back(std::move(view));
    out.total = 1;
    out.people = PeopleIndex::load(tx.users(), people);
    return out;
  });
}

MilestoneViews MilestoneService::remove_many(const Caller& caller,
                                             const std::vector<std::int64_t>& ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    MilestoneViews out;
    std::vector<std::string> people;
    out.failed = for_each_in_batch(ids, [&](std::int64_t id) {
      MilestoneView view = remove_one(tx, viewer, id);
      tx.changes_only({ChangeScope::project(view.milestone.project_id)});
      people.insert(people.end(), {view.milestone.responsible_id, view.milestone.created_by,
                                   view.milestone.updated_by});
      out.milestones.push_back(std::move(view));
    });
    out.total = static_cast<std::int64_t>(out.milestones.size());
    out.people = PeopleIndex::load(tx.users(), people);
    return out;
  });
}

}  // namespace projectd
