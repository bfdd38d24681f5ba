// The repositories of the project surface. Each call is one statement or a fixed handful, never one
// per row: batch readers (`*_of(ids)`) serve lists and full task views.
#pragma once

#include "store/project_records.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

class ProjectRepo {
 public:
  virtual ~ProjectRepo() = default;
  virtual std::optional<ProjectRecord> by_id(std::int64_t id) = 0;
  virtual std::vector<ProjectRecord> by_ids(const std::vector<std::int64_t>& ids) = 0;
  virtual std::int64_t insert(const ProjectRecord& project) = 0;  // returns the new id
  virtual void update(const ProjectRecord& project) = 0;
  virtual void remove(std::int64_t id) = 0;  // cascades to team, tasks, milestones, links
  // Projects the query's viewer may read, filtered, sorted and paged in SQL.
  virtual std::vector<ProjectRecord> page(const ProjectQuery& query) = 0;
  virtual std::int64_t count(const ProjectQuery& query) = 0;
  // The figures of a project's full view are ProjectTotalsRepo's.

  virtual std::vector<TeamMember> team(std::int64_t project_id) = 0;
  virtual std::optional<TeamMember> member(std::int64_t project_id, std::string_view user_id) = 0;
  // Adds the member, or changes their security when already in the team.
  virtual void put_member(std::int64_t project_id, const TeamMember& member) = 0;
  // Remembers the member as having left (removed_members) until put_member adds them again.
  virtual void remove_member(std::int64_t project_id, std::string_view user_id) = 0;
  // Who left the team and has not come back, with the rights they had, by user id.
  virtual std::vector<TeamMember> removed_members(std::int64_t project_id) = 0;
  // The members of many projects in one statement, by project then user.
  virtual std::vector<ProjectMembership> teams_of(const std::vector<std::int64_t>& ids) = 0;
  // The user's rights in many projects at once, as `member` gives them for one: a list's
  // permission checks read the team once, not once per row. Projects without the user are left out.
  virtual std::vector<ProjectMembership> memberships_of(const std::vector<std::int64_t>& ids,
                                                        std::string_view user_id) = 0;

  virtual bool is_follower(std::int64_t project_id, std::string_view user_id) = 0;
  virtual void set_follower(std::int64_t project_id, std::string_view user_id, bool follow) = 0;
  // Those of the ids the user follows, sorted.
  virtual std::vector<std::int64_t> followed_among(const std::vector<std::int64_t>& ids,
                                                   std::string_view user_id) = 0;

  // Tags of many projects, by project and then title; set_tags replaces a project's tags,
  // creating unknown ones.
  virtual std::vector<ProjectTag> tags_of(const std::vector<std::int64_t>& ids) = 0;
  virtual void set_tags(std::int64_t project_id, const std::vector<std::string>& titles) = 0;
  virtual std::optional<std::int64_t> tag_id(std::string_view title) = 0;
};

class MilestoneRepo {
 public:
  virtual ~MilestoneRepo() = default;
  virtual std::optional<MilestoneRecord> by_id(std::int64_t id) = 0;
  virtual std::vector<MilestoneRecord> by_ids(const std::vector<std::int64_t>& ids) = 0;
  virtual std::int64_t insert(const MilestoneRecord& milestone) = 0;
  virtual void update(const MilestoneRecord& milestone) = 0;
  virtual void remove(std::int64_t id) = 0;  // its tasks lose their milestone
  virtual std::vector<MilestoneRecord> of_project(std::int64_t project_id) = 0;
  // Milestones the query's viewer may read (project readable, and the milestones module readable
  // or the viewer is the milestone's responsible), filtered, sorted and paged in SQL.
  virtual std::vector<MilestoneRecord> page(const MilestoneQuery& query) = 0;
  virtual std::int64_t count(const MilestoneQuery& query) = 0;
  // Task counts of many milestones in one statement; milestones without tasks are left out.
  virtual std::vector<MilestoneTaskCounts> task_counts(const std::vector<std::int64_t>& ids) = 0;
  // The deadline reminder (migration 0021): open milestones with a responsible whose deadline
  // lies in [from, to] and has not been reminded of (marked for another deadline, or never), by
  // deadline; then marks one as reminded of its deadline `deadline`.
  virtual std::vector<MilestoneRecord> deadline_notices_due(Timestamp from, Timestamp to) = 0;
  virtual void mark_deadline_notified(std::int64_t id, Timestamp deadline) = 0;
};

class TaskRepo {
 public:
  virtual ~TaskRepo() = default;
  // Tasks come with their responsibles.
  virtual std::optional<TaskRecord> by_id(std::int64_t id) = 0;
  virtual std::vector<TaskRecord> by_ids(const std::vector<std::int64_t>& ids) = 0;
  virtual std::int64_t insert(const TaskRecord& task) = 0;  // responsibles too
  virtual void update(const TaskRecord& task) = 0;          // replaces the responsibles
  virtual void remove(std::int64_t id) = 0;  // cascades to subtasks, links, subscribers
  // Tasks the query's viewer may read (docs/wire-compatibility.md, "Permission rules are
  // consistent"), filtered, sorted, paged in SQL; without a status filter open tasks come first.
  virtual std::vector<TaskRecord> page(const TaskQuery& query) = 0;
  virtual std::int64_t count(const TaskQuery& query) = 0;

  virtual std::vector<SubtaskRecord> subtasks_of(const std::vector<std::int64_t>& task_ids) = 0;
  virtual std::optional<SubtaskRecord> subtask(std::int64_t id) = 0;
  virtual std::int64_t insert_subtask(const SubtaskRecord& subtask) = 0;
  virtual void update_subtask(const SubtaskRecord& subtask) = 0;
  virtual void remove_subtask(std::int64_t id) = 0;
  // Closes every open subtask of the task (closing a task closes its subtasks).
  virtual void close_subtasks(std::int64_t task_id, std::string_view by, Timestamp at) = 0;

  // Links where any of the tasks is the parent or the dependent.
  virtual std::vector<TaskLinkRecord> links_of(const std::vector<std::int64_t>& task_ids) = 0;
  virtual std::optional<TaskLinkRecord> link(std::int64_t parent_id,
                                             std::int64_t dependence_id) = 0;
  virtual void insert_link(const TaskLinkRecord& link) = 0;
  virtual void remove_link(std::int64_t parent_id, std::int64_t dependence_id) = 0;

  virtual bool is_subscribed(std::int64_t task_id, std::string_view user_id) = 0;
  virtual void set_subscribed(std::int64_t task_id, std::string_view user_id, bool on) = 0;
  // The people subscribed to the task (who hear of its status, comments and files).
  virtual std::vector<std::string> subscribers(std::int64_t task_id) = 0;
  virtual void add_reminder(std::int64_t task_id, std::string_view user_id, Timestamp at) = 0;
};

}  // namespace projectd
