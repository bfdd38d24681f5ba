#include "domain/projects/project_service.h"

#include "base/errors.h"
#include "domain/notify/event_publishers.h"
#include "domain/people/people_service.h"
#include "domain/projects/project_settings_service.h"

#include <algorithm>
#include <map>

namespace projectd {

namespace {

constexpr int kFolderProjectRoot = 3;

void validate_title(const std::string& title) {
  validate_name("title", title);
}

std::vector<std::string> without_duplicates(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

PeopleIndex people_of_views(StoreTx& tx, const std::vector<ProjectView>& views) {
  std::vector<std::string> ids;
  for (const ProjectView& view : views)
    collect_people(view.project, ids);
  return PeopleIndex::load(tx.users(), ids);
}

ProjectDetails details(StoreTx& tx, ProjectView view) {
  std::vector<std::string> ids;
  collect_people(view.project, ids);
  PeopleIndex people = PeopleIndex::load(tx.users(), ids);
  return ProjectDetails{std::move(view), std::move(people)};
}

// The project with its rights, refused with 403 unless the caller may edit it.
AccessibleProject editable_project(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  AccessibleProject loaded = load_readable_project(tx, viewer, id);
  if (!loaded.security.can_edit()) throw_forbidden();
  return loaded;
}

// withSecurity: each listed member's team security, once the team is in place; 400 for someone
// outside the team.
void apply_team_security(StoreTx& tx, const ProjectRecord& project,
                         const std::vector<TeamMember>& members) {
  for (const TeamMember& member : members) {
    if (!tx.projects().member(project.id, member.user_id))
      throw_bad_request("Parameter 'participants': " + member.user_id +
                        " is not in the project's team");
    tx.projects().put_member(project.id, member);
  }
}

void touch(ProjectRecord& project, const Caller& caller) {
  project.updated = now_utc();
  project.updated_by = caller.user_id;
}

// Takes project `id` out of `loaded` when the caller may delete it; throws (404, then 403) before
// anything changes otherwise, as a batch item must.
AccessibleProject take_deletable(std::map<std::int64_t, AccessibleProject>& loaded,
                                 std::int64_t id) {
  const auto found = loaded.find(id);
  if (found == loaded.end() || !found->second.security.can_read()) throw_not_found();
  if (!found->second.security.can_delete()) throw_forbidden();
  return std::move(found->second);
}

// The views are built first: afterwards the counts and tags are gone with the rows.
std::vector<ProjectView> remove_all(StoreTx& tx, const Viewer& viewer,
                                    std::vector<AccessibleProject> projects) {
  std::vector<ProjectView> views = views_of(tx, viewer, std::move(projects));
  for (const ProjectView& view : views) {
    tx.projects().remove(view.project.id);
    if (view.project.folder_id) tx.folders().remove(*view.project.folder_id);
    publish_project_event(tx, event::kProjectDeleted, viewer.user_id, view.project);
  }
  return views;
}

// Runs `add` for item `index` of the request's list `name`; an error names the item, so a client
// sending twenty tasks learns which one was refused.
template <typename Add>
void naming_item(std::string_view name, std::size_t index, Add add) {
  try {
    add();
  } catch (const ApiError& error) {
    throw ApiError(error.kind(),
                   std::string(name) + "[" + std::to_string(index) + "]: " + error.what(),
                   error.data());
  }
}

// The request's milestones, then its tasks, which point at those milestones by position.
void add_embedded(StoreTx& tx, const Viewer& viewer, const AccessibleProject& project,
                  const NewProject& input) {
  std::vector<std::int64_t> milestone_ids;
  for (std::size_t i = 0; i < input.milestones.size(); ++i)
    naming_item("milestones", i, [&] {
      milestone_ids.push_back(add_milestone_in_tx(tx, viewer, project, input.milestones[i]));
    });
  const auto known = static_cast<std::int64_t>(milestone_ids.size());
  for (std::size_t i = 0; i < input.tasks.size(); ++i)
    naming_item("tasks", i, [&] {
      const NewProjectTask& task = input.tasks[i];
      if (task.milestone < 0 || task.milestone > known)
        throw_bad_request("Parameter 'milestone' must be 0 or the position (1 to " +
                          std::to_string(known) + ") of one of the request's milestones");
      TaskChanges fields = task.fields;
      fields.milestone_id = std::optional<std::int64_t>();
      if (task.milestone > 0) fields.milestone_id = milestone_ids[task.milestone - 1];
      add_task_in_tx(tx, viewer, project, fields);
    });
}

}  // namespace

ProjectService::ProjectService(Store& store) : store_(store) {}

ProjectBriefs ProjectService::list(const Caller& caller, ProjectQuery query) {
  query.viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    ProjectBriefs out;
    std::vector<std::string> ids;
    for (ProjectRecord& project : tx.projects().page(query)) {
      collect_people(project, ids);
      const bool can_edit = can_edit_project(query.viewer, project);
      out.projects.push_back(ProjectBrief{std::move(project), can_edit});
    }
    out.total = tx.projects().count(query);
    out.people = PeopleIndex::load(tx.users(), ids);
    return out;
  });
}

ProjectViews ProjectService::filter(const Caller& caller, ProjectQuery query) {
  query.viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    ProjectViews out;
    out.projects = views_of(tx, query.viewer, tx.projects().page(query));
    out.total = tx.projects().count(query);
    out.people = people_of_views(tx, out.projects);
    return out;
  });
}

ProjectDetails ProjectService::get(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    return details(tx, view_of(tx, viewer, load_readable_project(tx, viewer, id)));
  });
}

ProjectDetails ProjectService::create(const Caller& caller, const NewProject& input) {
  validate_title(input.title);
  const Viewer viewer = viewer_of(caller);
  if (!can_create_project(viewer)) throw_forbidden("Guests cannot create projects");
  return store_.write_value([&](StoreTx& tx) {
    // The portal may keep project creation to admins (PUT project/settings).
    require_project_creator(tx, viewer);
    ProjectRecord project;
    project.title = input.title;
    project.description = input.description;
    project.responsible_id = input.responsible_id.value_or(caller.user_id);
    project.is_private = input.is_private;
    project.created = project.updated = now_utc();
    project.created_by = project.updated_by = caller.user_id;
    require_people(tx, {project.responsible_id}, "responsibleId", true);
    const auto participants = without_duplicates(input.participants);
    require_people(tx, participants, "participants");

    project.id = tx.projects().insert(project);
    FolderRecord folder;
    folder.kind = kFolderProjectRoot;
    folder.project_id = project.id;
    folder.title = project.title;
    folder.created = folder.updated = project.created;
    folder.created_by = folder.updated_by = caller.user_id;
    project.folder_id = tx.folders().insert(folder);
    tx.projects().update(project);
    replace_team(tx, project, participants);
    apply_team_security(tx, project, input.team_security);
    tx.projects().set_tags(project.id, clean_tags(input.tags));
    publish_project_event(tx, event::kProjectCreated, viewer.user_id, project);
    AccessibleProject created{project, security_in(tx, viewer, project)};
    add_embedded(tx, viewer, created, input);
    return details(tx, view_of(tx, viewer, std::move(created)));
  });
}

ProjectDetails ProjectService::update(const Caller& caller, std::int64_t id,
                                      const ProjectChanges& changes) {
  if (changes.title) validate_title(*changes.title);
  if (changes.responsible_id && changes.responsible_id->empty())
    throw_bad_request(
        "Parameter 'responsibleId' must not be empty: a project always has a manager");
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    ProjectRecord project = editable_project(tx, viewer, id).project;
    if (changes.responsible_id) {
      require_people(tx, {*changes.responsible_id}, "responsibleId", true);
      project.responsible_id = *changes.responsible_id;
    }
    std::vector<std::string> participants;
    if (changes.participants) {
      participants = without_duplicates(*changes.participants);
      require_people(tx, participants, "participants");
    }
    if (changes.title) project.title = *changes.title;
    if (changes.description) project.description = *changes.description;
    if (changes.status) project.status = *changes.status;
    if (changes.is_private) project.is_private = *changes.is_private;
    touch(project, caller);
    tx.projects().update(project);
    if (changes.participants) {
      replace_team(tx, project, participants);
    } else if (!tx.projects().member(project.id, project.responsible_id)) {
      tx.projects().put_member(project.id, TeamMember{project.responsible_id, 0});
    }
    apply_team_security(tx, project, changes.team_security);
    if (changes.tags) tx.projects().set_tags(project.id, clean_tags(*changes.tags));
    publish_project_event(tx, event::kProjectUpdated, viewer.user_id, project);
    return details(tx, view_of(tx, viewer, project));
  });
}

ProjectDetails ProjectService::set_status(const Caller& caller, std::int64_t id,
                                          ProjectStatus status) {
  ProjectChanges changes;
  changes.status = status;
  return update(caller, id, changes);
}

ProjectDetails ProjectService::set_tags(const Caller& caller, std::int64_t id,
                                        const std::vector<std::string>& tags) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    AccessibleProject loaded = editable_project(tx, viewer, id);
    tx.projects().set_tags(id, clean_tags(tags));
    return details(tx, view_of(tx, viewer, std::move(loaded)));
  });
}

ProjectDetails ProjectService::set_tag_ids(const Caller& caller, std::int64_t id,
                                           const std::vector<std::int64_t>& tag_ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    AccessibleProject loaded = editable_project(tx, viewer, id);
    std::vector<std::string> titles;
    if (!tag_ids.empty()) {
      const std::vector<TagRecord> found = tx.tags().by_ids(tag_ids);
      for (std::int64_t tag : tag_ids) {
        const auto it = std::find_if(found.begin(), found.end(),
                                     [&](const TagRecord& t) { return t.id == tag; });
        if (it == found.end())
          throw_bad_request("Parameter 'tags': no tag has the id " + std::to_string(tag));
        titles.push_back(it->title);
      }
    }
    tx.projects().set_tags(id, clean_tags(titles));
    return details(tx, view_of(tx, viewer, std::move(loaded)));
  });
}

ProjectDetails ProjectService::remove(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    auto loaded = projects_with_security(tx, viewer, {id});
    std::vector<AccessibleProject> one;
    one.push_back(take_deletable(loaded, id));
    return details(tx, std::move(remove_all(tx, viewer, std::move(one)).front()));
  });
}

BatchDeleted ProjectService::remove_many(const Caller& caller,
                                         const std::vector<std::int64_t>& ids) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    BatchDeleted out;
    // Every id is checked before anything is deleted, so a refused id leaves no trace and the
    // others still commit together; the batch costs a fixed number of reads.
    auto loaded = projects_with_security(tx, viewer, ids);
    std::vector<AccessibleProject> deletable;
    out.failed = for_each_in_batch(
        ids, [&](std::int64_t id) { deletable.push_back(take_deletable(loaded, id)); });
    out.deleted.projects = remove_all(tx, viewer, std::move(deletable));
    out.deleted.total = static_cast<std::int64_t>(out.deleted.projects.size());
    out.deleted.people = people_of_views(tx, out.deleted.projects);
    return out;
  });
}

ProjectBriefs ProjectService::toggle_follow(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    AccessibleProject loaded = load_readable_project(tx, viewer, id);
    const bool following = tx.projects().is_follower(id, caller.user_id);
    tx.projects().set_follower(id, caller.user_id, !following);
    ProjectBriefs out;
    std::vector<std::string> ids;
    collect_people(loaded.project, ids);
    out.people = PeopleIndex::load(tx.users(), ids);
    out.projects.push_back(ProjectBrief{loaded.project, loaded.security.can_edit()});
    out.total = 1;
    return out;
  });
}

CommonSecurity ProjectService::common_security(const Caller& caller) {
  const Viewer viewer = viewer_of(caller);
  CommonSecurity out;
  if (viewer.is_visitor) return out;
  // As the original: "may create X in some open project". A member may create tasks, messages
  // and time in an open project of their team, a manager milestones in one they manage; admins
  // in any open project. (A member whose team security hides Tasks or Messages in every such
  // project still sees true here; creating then answers 403.)
  return store_.read_value([&](StoreTx& tx) {
    out.can_create_project = may_create_projects(tx, viewer);
    ProjectQuery open;
    open.viewer = viewer;
    open.status = ProjectStatus::kOpen;
    open.limit = 1;
    ProjectQuery in_team = open;
    ProjectQuery managed = open;
    if (!viewer.is_admin) {
      in_team.participant = viewer.user_id;
      managed.manager = viewer.user_id;
    }
    out.can_create_task = out.can_create_message = out.can_create_time_spend =
        tx.projects().count(in_team) > 0;
    out.can_create_milestone = tx.projects().count(managed) > 0;
    return out;
  });
}

}  // namespace projectd
