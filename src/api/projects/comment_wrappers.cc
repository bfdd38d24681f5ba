#include "api/projects/comment_wrappers.h"

#include <map>
#include <string>
#include <vector>

namespace projectd {

namespace {

// The original's DateTime.Ago(): how long ago, in words, as the web client shows it.
std::string ago(Timestamp then) {
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(now_utc() - then).count();
  auto plural = [](long long n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s") + " ago";
  };
  if (minutes < 1) return "Just now";
  if (minutes < 60) return plural(minutes, "minute");
  if (minutes < 24 * 60) return plural(minutes / 60, "hour");
  return plural(minutes / (24 * 60), "day");
}

// The unit ago() counts an age in: its words change at each multiple of it.
std::chrono::minutes ago_unit(Ticks age) {
  using std::chrono::minutes;
  if (age < minutes(60)) return minutes(1);
  if (age < minutes(24 * 60)) return minutes(60);
  return minutes(24 * 60);
}

using Replies = std::map<std::string, std::vector<const CommentView*>>;

boost::json::object info_of(const CommentView& view, const Replies& replies, bool can_respond,
                            const PeopleIndex& people, const WrapContext& context) {
  boost::json::array list;
  if (auto it = replies.find(view.comment.id); it != replies.end())
    for (const CommentView* reply : it->second)
      list.push_back(info_of(*reply, replies, can_respond, people, context));
  const CommentRecord& c = view.comment;
  return comment_info(c.id, people.get(c.created_by), c.content, c.created, c.inactive,
                      view.can_edit, can_respond, std::move(list), context);
}

}  // namespace

boost::json::object comment_wrapper(const CommentView& view, const PeopleIndex& people,
                                    const WrapContext& context) {
  const CommentRecord& c = view.comment;
  boost::json::object out;
  out.reserve(8);
  out["id"] = c.id;
  out["createdBy"] = employee_brief(people.get(c.created_by), context);
  out["text"] = c.content;
  out["parentId"] = c.parent_id.empty() ? "00000000-0000-0000-0000-000000000000" : c.parent_id;
  out["inactive"] = c.inactive;
  out["canEdit"] = view.can_edit;
  // Both the creation time, as in the original.
  out["created"] = format_api_date(c.created, context.zone);
  out["updated"] = format_api_date(c.created, context.zone);
  return out;
}

boost::json::object comment_info(const std::string& id, const UserRecord& author,
                                 const std::string& body, Timestamp created, bool inactive,
                                 bool can_edit, bool can_respond, boost::json::array replies,
                                 const WrapContext& context) {
  const boost::json::object person = employee_full(author, context);
  boost::json::object out;
  out.reserve(15);
  out["commentID"] = id;
  out["userID"] = author.id;
  if (author.title.empty()) {
    out["userPost"] = nullptr;
  } else {
    out["userPost"] = author.title;
  }
  out["userFullName"] = person.at("displayName");
  out["userProfileLink"] = person.at("profileUrl");
  out["userAvatarPath"] = person.at("avatar");
  out["commentBody"] = body;
  out["inactive"] = inactive;
  out["isRead"] = true;
  out["isEditPermissions"] = can_edit;
  out["isResponsePermissions"] = can_respond;
  out["timeStampStr"] = ago(created);
  out["commentList"] = std::move(replies);
  out["attachments"] = nullptr;
  return out;
}

// Replies whose parent is missing are not shown, as in the original.
std::optional<Timestamp> ago_words_change(const CommentThread& thread, Timestamp now) {
  std::optional<Timestamp> first;
  for (const CommentView& view : thread.comments) {
    const Timestamp then = view.comment.created;
    const Ticks age = now - then;
    const Ticks unit = ago_unit(age);
    // The next multiple of the unit; a comment dated ahead of the clock gives a time already
    // past, which only ends the answer early.
    const Timestamp change = then + (age / unit + 1) * unit;
    if (!first || change < *first) first = change;
  }
  return first;
}

boost::json::array comment_infos(const CommentThread& thread, const PeopleIndex& people,
                                 const WrapContext& context) {
  Replies replies;
  for (const CommentView& view : thread.comments)
    if (!view.comment.parent_id.empty()) replies[view.comment.parent_id].push_back(&view);
  boost::json::array out;
  for (const CommentView& view : thread.comments)
    if (view.comment.parent_id.empty())
      out.push_back(info_of(view, replies, thread.can_respond, people, context));
  return out;
}

}  // namespace projectd
