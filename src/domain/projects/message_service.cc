#include "domain/projects/message_service.h"

#include "base/errors.h"
#include "domain/notify/event_publishers.h"
#include "domain/people/people_service.h"
#include "domain/projects/attachment_service.h"

#include <algorithm>
#include <map>

namespace projectd {

namespace {

AccessibleProject load_discussions_of(StoreTx& tx, const Viewer& viewer, std::int64_t project_id) {
  AccessibleProject project = load_readable_project(tx, viewer, project_id);
  if (!project.security.can_read_module(team_security::kMessages)) throw_not_found();
  return project;
}

// The author or the project's manager (admins included), never a guest, while the project is not
// closed.
bool can_edit_message(const ProjectSecurity& security, const Viewer& viewer,
                      const MessageRecord& message) {
  return !security.is_closed() && !viewer.is_visitor &&
         (security.is_manager() || message.created_by == viewer.user_id);
}

LoadedMessage editable_message(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  LoadedMessage loaded = readable_message(tx, viewer, id);
  if (loaded.project.security.is_closed())
    throw_conflict("The project is closed; reopen it before changing its discussions");
  if (!can_edit_message(loaded.project.security, viewer, loaded.message)) throw_forbidden();
  return loaded;
}

// Wrapper facts of many discussions: one statement each for projects, the caller's memberships,
// comment counts and people, whatever the number of discussions.
MessageViews views_of(StoreTx& tx, const Viewer& viewer, std::vector<MessageRecord> list) {
  std::vector<std::int64_t> project_ids, message_ids;
  for (const MessageRecord& m : list) {
    project_ids.push_back(m.project_id);
    message_ids.push_back(m.id);
  }
  const std::map<std::int64_t, AccessibleProject> projects =
      projects_with_security(tx, viewer, std::move(project_ids));
  std::map<std::int64_t, std::int64_t> counts;
  for (const CommentCount& c : tx.comments().active_counts(CommentTarget::kMessage, message_ids))
    counts[c.entity_id] = c.active;

  MessageViews out;
  std::vector<std::string> people;
  for (MessageRecord& m : list) {
    const AccessibleProject& project = projects.at(m.project_id);
    MessageView view;
    view.can_edit = can_edit_message(project.security, viewer, m);
    view.can_create_comment = !project.security.is_closed();
    view.comments_count = counts[m.id];
    people.insert(people.end(), {m.created_by, m.updated_by});
    view.message = std::move(m);
    view.project = project.project;
    out.messages.push_back(std::move(view));
  }
  out.total = static_cast<std::int64_t>(out.messages.size());
  out.people = PeopleIndex::load(tx.users(), people);
  return out;
}

bool is_message_participant(StoreTx& tx, std::int64_t id, const std::string& user_id) {
  const auto participants = tx.messages().participants_of({id});
  return std::any_of(participants.begin(), participants.end(),
                     [&](const MessageRepo::Participant& p) { return p.user_id == user_id; });
}

MessageViews message_view_of(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  auto message = tx.messages().by_id(id);
  if (!message) throw_not_found();
  return views_of(tx, viewer, {std::move(*message)});
}

}  // namespace

MessageFullView load_message_full_view(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  LoadedMessage loaded = readable_message(tx, viewer, id);
  const ProjectSecurity& security = loaded.project.security;
  std::vector<std::string> subscribers;
  for (auto& p : tx.messages().participants_of({id}))
    subscribers.push_back(std::move(p.user_id));
  CommentThread comments = comment_thread(
      tx, viewer, CommentScope{CommentTarget::kMessage, id, loaded.project, !security.is_closed()});
  MessageFullView out{std::move(message_view_of(tx, viewer, id).messages.front()),
                      view_of(tx, viewer, loaded.project),
                      security.can_read_files(),
                      security.can_edit_files(),
                      std::move(subscribers),
                      std::move(comments),
                      {},
                      {}};
  std::vector<std::string> people = out.subscribers;
  // Without the files right the list is empty, as in TaskWrapperFull.
  if (out.can_read_files)
    out.files = file_views(tx, viewer, attached_files(tx, EntityKind::kMessage, id), people);
  people.insert(people.end(), {out.message.message.created_by, out.message.message.updated_by});
  collect_comment_people(out.comments, people);
  collect_people(out.project.project, people);
  out.people = PeopleIndex::load(tx.users(), people);
  return out;
}

namespace {

// The creator always participates (is subscribed), as in the original.
std::vector<std::string> with_creator(std::vector<std::string> participants,
                                      const std::string& creator) {
  participants.push_back(creator);
  std::sort(participants.begin(), participants.end());
  participants.erase(std::unique(participants.begin(), participants.end()), participants.end());
  return participants;
}

std::string clean_title(const std::string& title) {
  validate_name("title", title);
  return title;
}

}  // namespace

LoadedMessage readable_message(StoreTx& tx, const Viewer& viewer, std::int64_t id) {
  auto message = tx.messages().by_id(id);
  if (!message) throw_not_found();
  AccessibleProject project = load_discussions_of(tx, viewer, message->project_id);
  return LoadedMessage{std::move(*message), std::move(project)};
}

MessageService::MessageService(Store& store) : store_(store) {}

MessageViews MessageService::list(const Caller& caller, MessageQuery query) {
  return page_of(caller, std::move(query), false);
}

// One read: the project's readability (404), the portal's setting when asked, the page and its
// total.
MessageViews MessageService::page_of(const Caller& caller, MessageQuery query,
                                     bool portal_settings) {
  query.viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    if (query.project_id) {
      load_discussions_of(tx, query.viewer, *query.project_id);
    } else if (portal_settings) {
      query.hide_paused = tx.project_settings().portal().hide_paused;
    }
    MessageViews out = views_of(tx, query.viewer, tx.messages().page(query));
    out.total = tx.messages().count(query);
    return out;
  });
}

MessageFullView MessageService::get(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) { return load_message_full_view(tx, viewer, id); });
}

MessageViews MessageService::create(const Caller& caller, std::int64_t project_id,
                                    const NewMessage& input) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    AccessibleProject project = load_readable_project(tx, viewer, project_id);
    if (project.security.is_closed())
      throw_conflict("The project is closed; reopen it before starting discussions");
    if (!project.security.can_create_message()) throw_forbidden();
    MessageRecord m;
    m.project_id = project_id;
    m.title = clean_title(input.title);
    m.content = clean_content(input.content, "Parameter 'content' is required: the message text");
    require_people(tx, input.participants, "participants");
    m.created = m.updated = now_utc();
    m.created_by = m.updated_by = caller.user_id;
    const std::int64_t id = tx.messages().insert(m);
    const std::vector<std::string> participants = with_creator(input.participants, caller.user_id);
    tx.messages().set_participants(id, participants);
    publish_discussion_created(tx, viewer.user_id, id, project_id, participants, input.notify);
    return message_view_of(tx, viewer, id);
  });
}

MessageFullView MessageService::update(const Caller& caller, std::int64_t id,
                                       const MessageChanges& changes) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    LoadedMessage loaded = editable_message(tx, viewer, id);
    MessageRecord& m = loaded.message;
    if (changes.project_id && *changes.project_id != m.project_id) {
      AccessibleProject target = load_readable_project(tx, viewer, *changes.project_id);
      if (target.security.is_closed())
        throw_conflict("The target project is closed; reopen it before moving discussions there");
      if (!target.security.can_create_message()) throw_forbidden();
      m.project_id = *changes.project_id;
      // The old project's files would stay readable through the discussion in the new one.
      detach_outside_project_in_tx(tx, EntityKind::kMessage, id, target.project, viewer.user_id,
                                   "discussion moved to another project");
    }
    if (changes.title) m.title = clean_title(*changes.title);
    if (changes.content)
      m.content = clean_content(*changes.content, "Parameter 'content' must not be empty");
    if (changes.participants) {
      require_people(tx, *changes.participants, "participants");
      tx.messages().set_participants(id, with_creator(*changes.participants, m.created_by));
    }
    m.updated = now_utc();
    m.updated_by = caller.user_id;
    tx.messages().update(m);
    return load_message_full_view(tx, viewer, id);
  });
}

MessageViews MessageService::remove(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    const std::int64_t project_id = editable_message(tx, viewer, id).message.project_id;
    MessageViews out = message_view_of(tx, viewer, id);
    detach_all_in_tx(tx, EntityKind::kMessage, id, project_id, viewer.user_id,
                     "discussion deleted");
    tx.messages().remove(id);
    return out;
  });
}

MessageViews MessageService::filter(const Caller& caller, MessageQuery query) {
  return page_of(caller, std::move(query), true);
}

MessageViews MessageService::set_status(const Caller& caller, std::int64_t id,
                                        MessageStatus status) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    MessageRecord m = editable_message(tx, viewer, id).message;
    if (m.status != status) {
      m.status = status;
      m.updated = now_utc();
      m.updated_by = caller.user_id;
      tx.messages().update(m);
    }
    return message_view_of(tx, viewer, id);
  });
}

MessageFullView MessageService::toggle_subscription(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.write_value([&](StoreTx& tx) {
    readable_message(tx, viewer, id);
    const bool subscribed = is_message_participant(tx, id, caller.user_id);
    tx.messages().set_participant(id, caller.user_id, !subscribed);
    return load_message_full_view(tx, viewer, id);
  });
}

bool MessageService::is_subscribed(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    readable_message(tx, viewer, id);
    return is_message_participant(tx, id, caller.user_id);
  });
}

MessageSubscribers MessageService::subscribers(const Caller& caller, std::int64_t id) {
  const Viewer viewer = viewer_of(caller);
  return store_.read_value([&](StoreTx& tx) {
    readable_message(tx, viewer, id);
    MessageSubscribers out;
    for (auto& p : tx.messages().participants_of({id}))
      out.user_ids.push_back(std::move(p.user_id));
    out.people = PeopleIndex::load(tx.users(), out.user_ids);
    return out;
  });
}

}  // namespace projectd
