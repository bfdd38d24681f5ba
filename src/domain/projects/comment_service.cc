#include "domain/projects/comment_service.h"

#include "auth/random.h"
#include "base/errors.h"
#include "domain/html_sanitizer.h"
#include "domain/notify/event_publishers.h"

namespace projectd {

namespace {

constexpr const char* kEmptyComment = "Comment text is empty";

// The author, or the project's manager (admins included), while the project is open for edits.
bool can_edit_comment(const CommentScope& scope, const Viewer& viewer,
                      const CommentRecord& comment) {
  const ProjectSecurity& security = scope.project.security;
  return !security.is_closed() && (security.is_manager() || comment.created_by == viewer.user_id);
}

void refuse_if_closed(const CommentScope& scope) {
  if (scope.project.security.is_closed())
    throw_conflict("The project is closed; reopen it before changing its comments");
}

struct LoadedComment {
  CommentRecord comment;
  CommentScope scope;
};

LoadedComment load_readable(StoreTx& tx, const Viewer& viewer, const std::string& id) {
  auto comment = tx.comments().by_id(id);
  if (!comment) throw_not_found();
  CommentScope scope = load_comment_scope(tx, viewer, comment->target, comment->entity_id);
  return LoadedComment{std::move(*comment), std::move(scope)};
}

// Checks 409 then 403 for changing an existing comment.
LoadedComment editable_comment(StoreTx& tx, const Viewer& viewer, const std::string& id) {
  LoadedComment loaded = load_readable(tx, viewer, id);
  refuse_if_closed(loaded.scope);
  if (!can_edit_comment(loaded.scope, viewer, loaded.comment)) throw_forbidden();
  return loaded;
}

CommentViews comment_view_of(StoreTx& tx, const Viewer& viewer, const LoadedComment& loaded) {
  CommentViews out;
  out.comments.push_back(
      CommentView{loaded.comment, can_edit_comment(loaded.scope, viewer, loaded.comment)});
  out.people = PeopleIndex::load(tx.users(), {loaded.comment.created_by});
  return out;
}

}  // namespace

CommentScope load_comment_scope(StoreTx& tx, const Viewer& viewer, CommentTarget target,
                                std::int64_t entity_id) {
  if (target == CommentTarget::kTask)
    return task_comment_scope(readable_task(tx, viewer, entity_id));
  auto message = tx.messages().by_id(entity_id);
  if (!message) throw_not_found();
  AccessibleProject project = load_readable_project(tx, viewer, message->project_id);
  if (!project.security.can_read_module(team_security::kMessages)) throw_not_found();
  const bool can_comment = !project.security.is_closed();
  return CommentScope{target, entity_id, std::move(project), can_comment};
}

CommentScope task_comment_scope(const TaskScope& task) {
  const MilestoneRecord* milestone = task.milestone ? &*task.milestone : nullptr;
  return CommentScope{CommentTarget::kTask, task.task.id,
                      AccessibleProject{task.project, task.security},
                      task.security.can_comment(task.task, milestone)};
}

CommentThread comment_thread(StoreTx& tx, const Viewer& viewer, const CommentScope& scope) {
  CommentThread thread;
  thread.can_respond = scope.can_comment;
  for (CommentRecord& comment : tx.comments().of(scope.target, {scope.entity_id})) {
    if (!comment.inactive) ++thread.active;
    const bool can_edit = can_edit_comment(scope, viewer, comment);
    thread.comments.push_back(CommentView{std::move(comment), can_edit});
  }
  return thread;
}

void collect_comment_people(const CommentThread& thread, std::vector<std::string>& ids) {
  for (const CommentView& view : thread.comments)
    ids.push_back(view.comment.created_by);
}

std::string clean_content(const std::string& content, const char* message) {
  if (content.empty()) throw_bad_request(message);
  std::string clean = sanitize_html(content);
  if (html_is_blank(clean)) throw_bad_request(message);
  return clean;
}

CommentService::CommentService(Store& store) : store_(store) {}

CommentViews CommentService::list(const Caller& caller, CommentTarget target,
                                  std::int64_t entity_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    CommentThread thread =
        comment_thread(tx, viewer, load_comment_scope(tx, viewer, target, entity_id));
    std::vector<std::string> people;
    collect_comment_people(thread, people);
    return CommentViews{std::move(thread.comments), PeopleIndex::load(tx.users(), people)};
  });
}

namespace {

// A task's comments show only in the task's own answer (base/change_scope.h); a discussion's
// change stays broad.
void name_comment_scope(StoreTx& tx, CommentTarget target, std::int64_t entity_id) {
  if (target == CommentTarget::kTask) tx.changes_only({ChangeScope::task(entity_id)});
}

}  // namespace

CommentViews CommentService::add(const Caller& caller, CommentTarget target, std::int64_t entity_id,
                                 const std::string& content,
                                 const std::optional<std::string>& parent_id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    name_comment_scope(tx, target, entity_id);
    CommentScope scope = load_comment_scope(tx, viewer, target, entity_id);
    refuse_if_closed(scope);
    if (!scope.can_comment) throw_forbidden();
    CommentRecord comment;
    comment.content = clean_content(content, kEmptyComment);
    if (parent_id) {
      auto parent = tx.comments().by_id(*parent_id);
      if (!parent || parent->target != target || parent->entity_id != entity_id) throw_not_found();
      comment.parent_id = *parent_id;
    }
    comment.id = random_guid();
    comment.target = target;
    comment.entity_id = entity_id;
    comment.created = comment.updated = now_utc();
    comment.created_by = caller.user_id;
    tx.comments().insert(comment);
    publish_comment_created(tx, viewer.user_id, comment, scope.project.project.id);
    return comment_view_of(tx, viewer, LoadedComment{std::move(comment), std::move(scope)});
  });
}

CommentViews CommentService::get(const Caller& caller, const std::string& id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value(
      [&](StoreTx& tx) { return comment_view_of(tx, viewer, load_readable(tx, viewer, id)); });
}

std::string CommentService::update(const Caller& caller, const std::string& id,
                                   const std::string& content) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    LoadedComment loaded = editable_comment(tx, viewer, id);
    name_comment_scope(tx, loaded.comment.target, loaded.comment.entity_id);
    loaded.comment.content = clean_content(content, kEmptyComment);
    loaded.comment.updated = now_utc();
    tx.comments().update(loaded.comment);
    return loaded.comment.content;
  });
}

std::string CommentService::remove(const Caller& caller, const std::string& id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    LoadedComment loaded = editable_comment(tx, viewer, id);
    name_comment_scope(tx, loaded.comment.target, loaded.comment.entity_id);
    if (!loaded.comment.inactive) {
      loaded.comment.inactive = true;
      loaded.comment.updated = now_utc();
      tx.comments().update(loaded.comment);
    }
    return loaded.comment.id;
  });
}

}  // namespace projectd
