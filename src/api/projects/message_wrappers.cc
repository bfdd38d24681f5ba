#include "api/projects/message_wrappers.h"

#include "api/files/file_wrappers.h"
#include "api/projects/audit_members.h"
#include "api/projects/comment_wrappers.h"
#include "api/projects/project_wrappers.h"

#include <algorithm>

namespace projectd {

namespace {

// The original's unordered members come first, the derived class's before its base's.
void append_message_members(boost::json::object& out, const MessageView& view,
                            const PeopleIndex& people, const WrapContext& context, bool simple) {
  const MessageRecord& m = view.message;
  out["canCreateComment"] = view.can_create_comment;
  out["canEdit"] = view.can_edit;
  out["id"] = m.id;
  out["title"] = m.title;
  out["description"] = nullptr;  // a discussion's text is `text`
  out["projectOwner"] = simple_project(view.project);
  out["commentsCount"] = view.comments_count;
  out["text"] = m.content;
  out["status"] = static_cast<int>(m.status);  // MessageStatus: 0 open, 1 archived
  append_audit_members(out, AuditFacts{m.created, m.created_by, m.updated, m.updated_by}, people,
                       context, simple);
}

// The original's web client shows the discussion's own text as the first comment; its id is
// the viewer's id followed by "1", and nobody may edit or answer it.
boost::json::object opening_comment(const MessageFullView& view, const WrapContext& context) {
  const MessageRecord& m = view.message.message;
  return comment_info(context.viewer.user_id + "1", view.people.get(m.created_by), m.content,
                      m.created, false, false, false, {}, context);
}

}  // namespace

boost::json::array subscriber_wrappers(const std::vector<std::string>& user_ids,
                                       const PeopleIndex& people, const WrapContext& context) {
  // Sorted by display name, as the original lists subscribers.
  std::vector<boost::json::object> subscribers;
  for (const std::string& id : user_ids)
    subscribers.push_back(employee_full(people.get(id), context));
  std::stable_sort(subscribers.begin(), subscribers.end(), [](const auto& a, const auto& b) {
    return a.at("displayName").as_string() < b.at("displayName").as_string();
  });
  return boost::json::array(subscribers.begin(), subscribers.end());
}

boost::json::object message_wrapper(const MessageView& view, const PeopleIndex& people,
                                    const WrapContext& context, bool simple) {
  boost::json::object out;
  append_message_members(out, view, people, context, simple);
  return out;
}

boost::json::object message_wrapper_full(const MessageFullView& view, const WrapContext& context,
                                         bool simple) {
  boost::json::object out;
  out["canEditFiles"] = view.can_edit_files;
  out["canReadFiles"] = view.can_read_files;
  out["subscribers"] = subscriber_wrappers(view.subscribers, view.people, context);
  boost::json::array files;
  for (const FileView& file : view.files)
    files.push_back(file_wrapper(file, view.people, context));
  out["files"] = std::move(files);
  boost::json::array comments{opening_comment(view, context)};
  for (auto& info : comment_infos(view.comments, view.people, context))
    comments.push_back(std::move(info));
  out["comments"] = std::move(comments);
  out["project"] = project_wrapper_full(view.project, view.people, context, simple);
  append_message_members(out, view.message, view.people, context, simple);
  return out;
}

}  // namespace projectd
