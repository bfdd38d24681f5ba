// The mail of each event (mail_stories.h).
#include "domain/notify/mail_stories.h"

#include "domain/html_text.h"
#include "domain/notify/change_events.h"

#include <boost/json.hpp>

#include <cstdio>

namespace projectd {
namespace {

constexpr std::string_view kReasonResponsible =
    "You get this because you are a responsible of this task.";
constexpr std::string_view kReasonTaskSubscriber = "You get this because you follow this task.";
constexpr std::string_view kReasonParticipant =
    "You get this because you take part in this discussion.";
constexpr std::string_view kReasonMilestone =
    "You get this because you are responsible for this milestone.";

std::string mail_quoted(std::string_view title) {
  return "\"" + std::string(title) + "\"";
}

std::vector<std::string> mail_ids_in(const boost::json::object& data, std::string_view name) {
  std::vector<std::string> ids;
  if (const boost::json::value* v = data.if_contains(name); v && v->is_array())
    for (const boost::json::value& id : v->as_array())
      if (id.is_string()) ids.emplace_back(id.as_string());
  return ids;
}

bool mail_flag(const boost::json::object& data, std::string_view name) {
  const boost::json::value* v = data.if_contains(name);
  return v != nullptr && v->is_bool() && v->as_bool();
}

std::string mail_text(const boost::json::object& data, std::string_view name) {
  const boost::json::value* v = data.if_contains(name);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::vector<std::string> mail_file_titles(const boost::json::object& data) {
  std::vector<std::string> titles;
  if (const boost::json::value* v = data.if_contains("files"); v && v->is_array())
    for (const boost::json::value& file : v->as_array())
      if (file.is_object())
        if (const boost::json::value* t = file.as_object().if_contains("title");
            t && t->is_string())
          titles.emplace_back(t->as_string());
  return titles;
}

std::string mail_actor_name(StoreTx& tx, const std::string& actor_id) {
  if (actor_id.empty()) return "projectd";
  const std::optional<UserRecord> user = tx.users().by_id(actor_id);
  if (!user) return "Someone";
  std::string name = user->first_name;
  if (!user->last_name.empty()) name += (name.empty() ? "" : " ") + user->last_name;
  return name.empty() ? user->user_name : name;
}

void add_mail_candidates(MailStory& story, const std::vector<std::string>& ids,
                         std::string_view reason) {
  for (const std::string& id : ids)
    story.candidates.push_back(MailCandidate{id, std::string(reason)});
}

// The comment's text, when the event's comment is still there and active.
std::optional<std::string> mail_comment_text(StoreTx& tx, const boost::json::object& data) {
  const std::optional<CommentRecord> comment = tx.comments().by_id(mail_text(data, "comment_id"));
  if (!comment || comment->inactive) return std::nullopt;
  return html_to_text(comment->content);
}

std::string mail_status_name(StoreTx& tx, const boost::json::object& data, std::string_view number,
                             std::string_view custom) {
  if (const boost::json::value* c = data.if_contains(custom); c && c->is_int64())
    if (std::optional<CustomStatusRecord> status = tx.statuses().by_id(c->as_int64()))
      return status->title;
  const boost::json::value* n = data.if_contains(number);
  return n != nullptr && n->is_int64() && n->as_int64() == 2 ? "Closed" : "Open";
}

std::optional<MailStory> task_story(StoreTx& tx, const ChangeEventRecord& event,
                                    const boost::json::object& data, const std::string& url) {
  std::optional<TaskRecord> task = tx.tasks().by_id(event.entity_id);
  if (!task) return std::nullopt;
  std::optional<ProjectRecord> project = tx.projects().by_id(task->project_id);
  if (!project) return std::nullopt;
  std::optional<MilestoneRecord> milestone;
  if (task->milestone_id) milestone = tx.milestones().by_id(*task->milestone_id);

  MailStory story;
  const std::string actor = mail_actor_name(tx, event.actor_id);
  const std::string about = mail_quoted(task->title) + " in " + project->title;
  const std::string type = event.type;
  const auto followers = [&] {
    add_mail_candidates(story, tx.tasks().subscribers(task->id), kReasonTaskSubscriber);
  };
  if (type == event::kTaskCreated) {
    if (!mail_flag(data, "notify")) return std::nullopt;
    story.subject = actor + " assigned you to " + about;
    add_mail_candidates(story, task->responsibles, kReasonResponsible);
  } else if (type == event::kTaskUpdated) {
    // As the original's UpdateTask: new responsibles are told when the call says notify.
    if (!mail_flag(data, "notify")) return std::nullopt;
    story.subject = actor + " assigned you to " + about;
    add_mail_candidates(story, mail_ids_in(data, "responsibles_added"), kReasonResponsible);
  } else if (type == event::kTaskNotify) {
    story.subject = actor + " reminds you of " + about;
    add_mail_candidates(story, task->responsibles, kReasonResponsible);
  } else if (type == event::kTaskStatus) {
    const std::string to = mail_status_name(tx, data, "to", "custom_to");
    story.subject = actor + " changed the status of " + about;
    story.lines.push_back("Status: " + mail_status_name(tx, data, "from", "custom_from") + " -> " +
                          to);
    add_mail_candidates(story, task->responsibles, kReasonResponsible);
    followers();
  } else if (type == event::kTaskFilesAttached || type == event::kTaskFilesDetached) {
    story.subject =
        actor +
        (type == event::kTaskFilesAttached ? " attached files to " : " detached files from ") +
        about;
    story.lines = mail_file_titles(data);
    add_mail_candidates(story, task->responsibles, kReasonResponsible);
    followers();
  } else if (type == event::kCommentCreated) {
    std::optional<std::string> text = mail_comment_text(tx, data);
    if (!text) return std::nullopt;
    story.subject = actor + " commented on " + about;
    story.lines.push_back(std::move(*text));
    followers();
    add_mail_candidates(story, task->responsibles, kReasonResponsible);
  } else {
    return std::nullopt;
  }
  if ((type == event::kTaskCreated || type == event::kTaskUpdated) && task->description &&
      !task->description->empty())
    story.lines.push_back(*task->description);
  story.link_text = "Open the task";
  story.link_url = url + "/tasks/" + std::to_string(task->id);
  story.project = std::move(*project);
  story.readable = [task = std::move(*task), milestone](const ProjectSecurity& security) {
    return security.can_read() && security.can_read_task(task, milestone ? &*milestone : nullptr);
  };
  return story;
}

std::optional<MailStory> discussion_story(StoreTx& tx, const ChangeEventRecord& event,
                                          const boost::json::object& data, const std::string& url) {
  const std::optional<MessageRecord> message = tx.messages().by_id(event.entity_id);
  if (!message) return std::nullopt;
  std::optional<ProjectRecord> project = tx.projects().by_id(message->project_id);
  if (!project) return std::nullopt;

  MailStory story;
  const std::string actor = mail_actor_name(tx, event.actor_id);
  const std::string about = mail_quoted(message->title) + " in " + project->title;
  const std::string type = event.type;
  if (type == event::kDiscussionCreated) {
    if (!mail_flag(data, "notify")) return std::nullopt;
    story.subject = actor + " started the discussion " + about;
    story.lines.push_back(html_to_text(message->content));
  } else if (type == event::kDiscussionFilesAttached || type == event::kDiscussionFilesDetached) {
    story.subject = actor +
                    (type == event::kDiscussionFilesAttached ? " attached files to "
                                                             : " detached files from ") +
                    about;
    story.lines = mail_file_titles(data);
  } else if (type == event::kCommentCreated) {
    std::optional<std::string> text = mail_comment_text(tx, data);
    if (!text) return std::nullopt;
    story.subject = actor + " commented on " + about;
    story.lines.push_back(std::move(*text));
  } else {
    return std::nullopt;
  }
  for (MessageRepo::Participant& p : tx.messages().participants_of({message->id}))
    story.candidates.push_back(
        MailCandidate{std::move(p.user_id), std::string(kReasonParticipant)});
  story.link_text = "Open the discussion";
  story.link_url = url + "/projects/" + std::to_string(project->id) +
                   "?view=discussions&message=" + std::to_string(message->id);
  story.project = std::move(*project);
  story.readable = [](const ProjectSecurity& security) {
    return security.can_read() && security.can_read_module(team_security::kMessages);
  };
  return story;
}

std::string mail_date(Timestamp at) {
  const std::chrono::year_month_day day{std::chrono::floor<std::chrono::days>(at)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return text;
}

std::optional<MailStory> milestone_story(StoreTx& tx, const ChangeEventRecord& event,
                                         const std::string& url) {
  std::optional<MilestoneRecord> milestone = tx.milestones().by_id(event.entity_id);
  if (!milestone) return std::nullopt;
  std::optional<ProjectRecord> project = tx.projects().by_id(milestone->project_id);
  if (!project) return std::nullopt;
  MailStory story;
  story.subject = "The milestone " + mail_quoted(milestone->title) + " in " + project->title +
                  " is due on " + mail_date(milestone->deadline);
  story.link_text = "Open the milestones";
  story.link_url = url + "/projects/" + std::to_string(project->id) + "?view=milestones";
  add_mail_candidates(story, {milestone->responsible_id}, kReasonMilestone);
  story.project = std::move(*project);
  story.readable = [milestone = std::move(*milestone)](const ProjectSecurity& security) {
    return security.can_read() && security.can_read_milestone(milestone);
  };
  return story;
}

}  // namespace

std::optional<MailStory> mail_story_of(StoreTx& tx, const ChangeEventRecord& event,
                                       const std::string& public_url) {
  const boost::json::object data = event_data(event);
  const std::string_view type = event.type;
  if (type == event::kMilestoneDeadline) return milestone_story(tx, event, public_url);
  const bool on_discussion =
      type == event::kDiscussionCreated || type == event::kDiscussionFilesAttached ||
      type == event::kDiscussionFilesDetached ||
      (type == event::kCommentCreated && mail_text(data, "on") == "discussion");
  if (on_discussion) return discussion_story(tx, event, data, public_url);
  return task_story(tx, event, data, public_url);
}

}  // namespace projectd
