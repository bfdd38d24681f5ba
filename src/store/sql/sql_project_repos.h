// The repositories of project_repos.h on one SQLite connection. They run statements only; the
// transaction around them belongs to the Store (SQLite or PostgreSQL).
//
// What callers can rely on beyond the interfaces:
// - insert ignores the record's id and returns the new one; update of an unknown id throws
//   ApiError(kNotFound); remove of an unknown id does nothing.
// - by_ids returns each existing row once, in id order; unknown ids are skipped. Batch readers
//   (by_ids, memberships_of, followed_among, tags_of, subtasks_of, links_of) cost a
//   fixed number of statements whatever the list length.
// - Tasks carry their responsibles sorted by user id.
// - page/count run the read rules of domain/security (can_read, can_read_task) in SQL. Text
//   filters and title order ignore ASCII case only (SQLite's LIKE and NOCASE): "É" and "é" differ.
// Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/project_repos.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlProjectRepo final : public ProjectRepo {
 public:
  explicit SqlProjectRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<ProjectRecord> by_id(std::int64_t id) override;
  std::vector<ProjectRecord> by_ids(const std::vector<std::int64_t>& ids) override;
  std::int64_t insert(const ProjectRecord& project) override;
  void update(const ProjectRecord& project) override;
  void remove(std::int64_t id) override;
  // Sorted by created or title (ignoring case), then id; descending flips both.
  std::vector<ProjectRecord> page(const ProjectQuery& query) override;
  std::int64_t count(const ProjectQuery& query) override;

  std::vector<TeamMember> team(std::int64_t project_id) override;  // by user id
  std::optional<TeamMember> member(std::int64_t project_id, std::string_view user_id) override;
  void put_member(std::int64_t project_id, const TeamMember& member) override;
  void remove_member(std::int64_t project_id, std::string_view user_id) override;
  std::vector<TeamMember> removed_members(std::int64_t project_id) override;
  std::vector<ProjectMembership> teams_of(const std::vector<std::int64_t>& ids) override;
  std::vector<ProjectMembership> memberships_of(const std::vector<std::int64_t>& ids,
                                                std::string_view user_id) override;  // by project

  bool is_follower(std::int64_t project_id, std::string_view user_id) override;
  void set_follower(std::int64_t project_id, std::string_view user_id, bool follow) override;
  std::vector<std::int64_t> followed_among(const std::vector<std::int64_t>& ids,
                                           std::string_view user_id) override;

  // A project's titles sorted ignoring ASCII case. set_tags trims titles, skips empty ones,
  // matches existing tags ignoring ASCII case and keeps the first spelling of a new one.
  std::vector<ProjectTag> tags_of(const std::vector<std::int64_t>& ids) override;
  void set_tags(std::int64_t project_id, const std::vector<std::string>& titles) override;
  std::optional<std::int64_t> tag_id(std::string_view title) override;

 private:
  SqlConnection& connection_;
};

class SqlMilestoneRepo final : public MilestoneRepo {
 public:
  explicit SqlMilestoneRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<MilestoneRecord> by_id(std::int64_t id) override;
  std::vector<MilestoneRecord> by_ids(const std::vector<std::int64_t>& ids) override;
  std::int64_t insert(const MilestoneRecord& milestone) override;
  void update(const MilestoneRecord& milestone) override;
  void remove(std::int64_t id) override;
  std::vector<MilestoneRecord> of_project(std::int64_t project_id) override;  // by deadline, id
  // sql_milestone_query.cc
  std::vector<MilestoneRecord> page(const MilestoneQuery& query) override;
  std::int64_t count(const MilestoneQuery& query) override;
  std::vector<MilestoneTaskCounts> task_counts(const std::vector<std::int64_t>& ids) override;
  std::vector<MilestoneRecord> deadline_notices_due(Timestamp from, Timestamp to) override;
  void mark_deadline_notified(std::int64_t id, Timestamp deadline) override;

 private:
  SqlConnection& connection_;
};

class SqlTaskRepo final : public TaskRepo {
 public:
  explicit SqlTaskRepo(SqlConnection& connection) : connection_(connection) {}
  std::optional<TaskRecord> by_id(std::int64_t id) override;
  std::vector<TaskRecord> by_ids(const std::vector<std::int64_t>& ids) override;
  std::int64_t insert(const TaskRecord& task) override;
  void update(const TaskRecord& task) override;
  void remove(std::int64_t id) override;
  // Order: open before closed unless a status is filtered, then the sort column (NULL deadlines
  // and start dates last in both directions), then id; descending flips the column and the id.
  std::vector<TaskRecord> page(const TaskQuery& query) override;
  std::int64_t count(const TaskQuery& query) override;

  std::vector<SubtaskRecord> subtasks_of(const std::vector<std::int64_t>& task_ids) override;
  std::optional<SubtaskRecord> subtask(std::int64_t id) override;
  std::int64_t insert_subtask(const SubtaskRecord& subtask) override;
  void update_subtask(const SubtaskRecord& subtask) override;  // may move it to another task
  void remove_subtask(std::int64_t id) override;
  void close_subtasks(std::int64_t task_id, std::string_view by, Timestamp at) override;

  // Sorted by parent, then dependent.
  std::vector<TaskLinkRecord> links_of(const std::vector<std::int64_t>& task_ids) override;
  std::optional<TaskLinkRecord> link(std::int64_t parent_id, std::int64_t dependence_id) override;
  // Throws kConflict when the two tasks are linked already (in either direction), kBadRequest
  // for a link of a task to itself, kNotFound when a task does not exist.
  void insert_link(const TaskLinkRecord& link) override;
  void remove_link(std::int64_t parent_id, std::int64_t dependence_id) override;

  bool is_subscribed(std::int64_t task_id, std::string_view user_id) override;
  void set_subscribed(std::int64_t task_id, std::string_view user_id, bool on) override;
  std::vector<std::string> subscribers(std::int64_t task_id) override;
  void add_reminder(std::int64_t task_id, std::string_view user_id, Timestamp at) override;

 private:
  // Reads the task rows a statement returns, then their responsibles in one more statement: of
  // the tasks found, or of `asked` when the statement looked tasks up by these ids (a statement
  // that does not depend on the rows found can be sent ahead, StoreTx::prefetch).
  std::vector<TaskRecord> read_tasks(SqlStatement& statement,
                                     const std::vector<std::int64_t>* asked = nullptr);
  void write_responsibles(std::int64_t task_id, const std::vector<std::string>& user_ids);

  SqlConnection& connection_;
};

}  // namespace projectd
