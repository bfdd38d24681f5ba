// Rows of the project surface as the store keeps them: projects and their teams, milestones, tasks,
// subtasks and task links. Enum values are the original's numbers (docs/wire-compatibility.md,
// "Enumerations").
#pragma once

#include "base/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace projectd {

enum class ProjectStatus { kOpen = 0, kClosed = 1, kPaused = 2 };
enum class MilestoneStatus { kOpen = 0, kClosed = 1 };
enum class TaskStatus { kOpen = 1, kClosed = 2 };
enum class TaskPriority { kLow = -1, kNormal = 0, kHigh = 1 };
enum class TaskLinkType { kStart = 0, kEnd = 1, kEndStart = 2 };

// ProjectTeamSecurity: a set bit denies that module to that member of a private project.
namespace team_security {
inline constexpr int kMessages = 1;
inline constexpr int kTasks = 2;
inline constexpr int kFiles = 4;
inline constexpr int kMilestones = 8;
inline constexpr int kContacts = 16;
inline constexpr int kAll = 31;
}  // namespace team_security

struct ProjectRecord {
  std::int64_t id = 0;
  std::string title;
  std::string description;
  ProjectStatus status = ProjectStatus::kOpen;
  std::string responsible_id;  // the project manager
  bool is_private = false;
  std::optional<std::int64_t> folder_id;  // the project's documents folder
  Timestamp created{};
  std::string created_by;
  Timestamp updated{};
  std::string updated_by;
};

struct TeamMember {
  std::string user_id;
  int security = 0;  // team_security bits
};

// One person's place in the team of one of many projects.
struct ProjectMembership {
  std::int64_t project_id = 0;
  TeamMember member;
};

struct ProjectTag {
  std::int64_t project_id = 0;
  std::string title;
};

// The figures ProjectWrapperFull shows.
struct ProjectCounts {
  std::int64_t project_id = 0;
  std::int64_t open_tasks = 0;
  std::int64_t all_tasks = 0;
  std::int64_t open_milestones = 0;
  std::int64_t participants = 0;
  std::int64_t discussions = 0;
};

struct MilestoneRecord {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string title;
  std::string description;
  Timestamp deadline{};
  bool is_key = false;
  bool is_notify = false;
  MilestoneStatus status = MilestoneStatus::kOpen;
  std::string responsible_id;
  Timestamp created{};
  std::string created_by;
  Timestamp updated{};
  std::string updated_by;
};

struct TaskRecord {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::optional<std::int64_t> milestone_id;
  std::string title;
  std::optional<std::string> description;
  TaskPriority priority = TaskPriority::kNormal;
  TaskStatus status = TaskStatus::kOpen;
  std::optional<std::int64_t> custom_status_id;
  std::optional<Timestamp> start_date;
  std::optional<Timestamp> deadline;
  int progress = 0;
  Timestamp created{};
  std::string created_by;
  Timestamp updated{};
  std::string updated_by;
  std::vector<std::string> responsibles;  // user ids, kept with the task
};

struct SubtaskRecord {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  std::string title;
  TaskStatus status = TaskStatus::kOpen;
  std::optional<std::string> responsible_id;
  Timestamp created{};
  std::string created_by;
  Timestamp updated{};
  std::string updated_by;
};

struct TaskLinkRecord {
  std::int64_t parent_task_id = 0;
  std::int64_t dependence_task_id = 0;
  TaskLinkType link_type = TaskLinkType::kStart;
};

// Who asks, for queries whose answers hold only what the viewer may see: visibility is part of the
// SQL, so a page never has holes.
struct Viewer {
  std::string user_id;
  bool is_admin = false;
  bool is_visitor = false;
};

enum class ProjectSort { kCreated, kTitle };
struct ProjectQuery {
  Viewer viewer;
  std::optional<ProjectStatus> status;
  std::optional<std::string> participant;  // in the team
  std::optional<std::string> manager;      // the responsible
  // `departament`: a people group of the portal; a project with a team member in it (the
  // participant, when one is named), as the original's ProjectDao.
  std::optional<std::string> department;
  std::optional<std::string> follower;
  std::optional<std::int64_t> tag_id;
  std::optional<std::string> tag_title;  // a tag by title, ASCII case ignored
  std::string text;                      // in title or description, case-insensitive
  ProjectSort sort = ProjectSort::kCreated;
  bool descending = false;
  std::int64_t offset = 0;
  std::int64_t limit = 1000;
};

enum class MilestoneSort { kDeadline, kCreated, kTitle };
struct MilestoneQuery {
  Viewer viewer;
  std::optional<std::int64_t> project_id;
  bool my_projects = false;  // projects the viewer is in the team of
  std::optional<MilestoneStatus> status;
  std::optional<std::string> responsible;       // the milestone's responsible
  std::optional<std::string> task_responsible;  // has a task with this responsible
  std::optional<std::int64_t> tag_id;           // of the milestone's project
  std::optional<Timestamp> deadline_start;      // inclusive
  std::optional<Timestamp> deadline_stop;       // inclusive
  std::optional<std::int64_t> last_id;          // only milestones with a larger id
  std::string text;                             // in title or description, case-insensitive
  MilestoneSort sort = MilestoneSort::kDeadline;
  bool descending = false;
  std::int64_t offset = 0;
  std::int64_t limit = 1000;
};

// Open and closed tasks of one milestone.
struct MilestoneTaskCounts {
  std::int64_t milestone_id = 0;
  std::int64_t active = 0;
  std::int64_t closed = 0;
};

enum class TaskSort { kSortOrder, kDeadline, kPriority, kCreated, kStartDate, kTitle };
struct TaskQuery {
  Viewer viewer;
  std::vector<std::int64_t> ids;  // only these tasks (GET task?taskid=...)
  std::optional<std::int64_t> project_id;
  bool my_projects = false;  // projects the viewer is in the team of
  std::optional<std::int64_t> milestone_id;
  bool my_milestones = false;  // milestones the viewer is responsible for
  bool no_milestone = false;
  std::optional<std::int64_t> tag_id;  // of the task's project
  std::optional<TaskStatus> status;
  std::optional<std::int64_t> custom_status_id;
  bool followed = false;                   // tasks the viewer subscribed to
  std::optional<std::string> responsible;  // `participant` in the API
  std::optional<std::string> creator;
  std::optional<std::string> department;  // a people group: a responsible is a member
  std::optional<Timestamp> deadline_start;
  std::optional<Timestamp> deadline_stop;
  std::optional<std::int64_t> last_id;  // only tasks with a larger id
  std::string text;                     // in title or description, case-insensitive
  TaskSort sort = TaskSort::kSortOrder;
  bool descending = false;
  std::int64_t offset = 0;
  std::int64_t limit = 1000;
};

// Time tracking (docs/wire-compatibility.md, "Time is kept in whole seconds"). PaymentStatus keeps
// the original's numbers.
enum class PaymentStatus { kNotChargeable = 0, kNotBilled = 1, kBilled = 2 };

struct TimeEntryRecord {
  std::int64_t id = 0;
  std::int64_t task_id = 0;
  std::string person_id;  // who spent the time
  Timestamp date{};       // the day: its midnight in the portal time zone
  std::int64_t seconds = 0;
  std::optional<std::string> note;
  PaymentStatus payment_status = PaymentStatus::kNotChargeable;
  std::optional<Timestamp> status_changed;
  Timestamp created{};
  std::string created_by;
};

// The sum of the seconds of one task's or one project's entries.
struct TimeTotal {
  std::int64_t id = 0;
  std::int64_t seconds = 0;
};

enum class TimeSort { kDate, kCreated, kHours, kNote };
// GET time/filter: entries on tasks the viewer may read (ProjectSecurity::can_read_task),
// filtered, sorted and paged in SQL.
struct TimeQuery {
  Viewer viewer;
  std::optional<std::int64_t> project_id;  // of the entry's task
  std::optional<std::int64_t> task_id;
  bool my_projects = false;                  // projects the viewer is in the team of
  std::optional<std::int64_t> milestone_id;  // of the entry's task
  bool my_milestones = false;                // tasks in milestones the viewer is responsible for
  std::optional<std::int64_t> tag_id;        // of the task's project
  std::optional<std::string> person;         // `participant` in the API: who spent the time
  std::optional<std::string> department;     // a people group: the person is a member
  std::optional<Timestamp> date_start;       // inclusive, on the entry's day
  std::optional<Timestamp> date_stop;        // inclusive
  std::optional<std::int64_t> last_id;       // only entries with a larger id
  std::optional<PaymentStatus> status;
  std::string text;  // in the note or the task's title, case-insensitive
  TimeSort sort = TimeSort::kDate;
  bool descending = false;
  std::int64_t offset = 0;
  std::int64_t limit = 1000;
};

}  // namespace projectd
