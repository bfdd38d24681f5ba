// api/2.0/project comments (docs/wire-compatibility.md, "Endpoints"): on tasks and on discussions,
// and one comment by its GUID. Content is sanitised HTML; PUT answers the stored text and DELETE
// the id, as the original.
#include "api/binding.h"
#include "api/projects/comment_wrappers.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "base/errors.h"
#include "domain/html_sanitizer.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

HandlerResult comments_response(ApiEnv& env, RequestContext& request, const CommentViews& found) {
  boost::json::array out;
  for (const CommentView& view : found.comments)
    out.push_back(comment_wrapper(view, found.people, wrap_context(env, request)));
  return ok(std::move(out));
}

HandlerResult one_response(ApiEnv& env, RequestContext& request, const CommentViews& found) {
  return ok(comment_wrapper(found.comments.front(), found.people, wrap_context(env, request)));
}

HandlerResult text_response(std::string text) {
  return ok(boost::json::string(std::move(text)));
}

// The comment GUID of the path; a malformed one answers 400 as the original's binder does.
std::string comment_id(const Params& params) {
  return params.get_guid("commentid").value_or("");
}

HandlerResult add(ApiEnv& env, RequestContext& r, CommentTarget target, std::int64_t entity_id) {
  // .NET clients send the all-zero GUID for "no parent".
  auto parent = r.params.get_guid("parentid");
  if (parent == "00000000-0000-0000-0000-000000000000") parent.reset();
  return one_response(env, r,
                      env.comments.add(*r.caller, target, entity_id,
                                       r.params.get_string("content").value_or(""), parent));
}

const EnumNames kCommentTypes = {{"task", 2}, {"message", 6}};
constexpr const char* kNoParent = "00000000-0000-0000-0000-000000000000";

// POST comment, the web front end's generic add (the original's AddProjectComment): `type` task
// or message, `entityid`, `parentcommentid`, `content`; answers CommentInfo.
HandlerResult add_generic(ApiEnv& env, RequestContext& r) {
  const auto type = r.params.get_enum("type", kCommentTypes);
  if (!type) throw_bad_request("Parameter 'type' is required: task or message");
  const auto entity = r.params.get_int("entityid");
  if (!entity) throw_bad_request("Parameter 'entityid' is required: the task or discussion id");
  auto parent = r.params.get_guid("parentcommentid");
  if (parent == kNoParent) parent.reset();
  const CommentViews added = env.comments.add(*r.caller, static_cast<CommentTarget>(*type), *entity,
                                              r.params.get_string("content").value_or(""), parent);
  const CommentView& view = added.comments.front();
  const CommentRecord& c = view.comment;
  // Whoever could add it may answer it.
  return ok(comment_info(c.id, added.people.get(c.created_by), c.content, c.created, c.inactive,
                         view.can_edit, true, {}, wrap_context(env, r)));
}

// POST comment/preview: CommentInfo of the text as it would be stored, for a new comment (the
// caller's, now, id all zeros) or one being edited (`commentid`: its author and time; 404 when
// hidden). Stores nothing.
HandlerResult preview(ApiEnv& env, RequestContext& r) {
  const std::string body = sanitize_html(r.params.get_string("htmltext").value_or(""));
  const WrapContext context = wrap_context(env, r);
  if (auto id = r.params.get_guid("commentid"); id && *id != kNoParent) {
    const CommentViews found = env.comments.get(*r.caller, *id);
    const CommentView& view = found.comments.front();
    return ok(comment_info(view.comment.id, found.people.get(view.comment.created_by), body,
                           view.comment.created, view.comment.inactive, view.can_edit, false, {},
                           context));
  }
  return ok(comment_info(kNoParent, env.people.self(*r.caller), body, now_utc(), false, true, false,
                         {}, context));
}

const std::vector<ParamDoc> kNewComment = {
    {"content", ParamIn::kBody, "string", true, "HTML; sanitised"},
    {"parentid", ParamIn::kBody, "guid", false, "the comment answered"},
};

}  // namespace

void add_comment_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project/", "comments");
  routes.add(http::verb::get, "task/{taskid:int}/comment", "A task's comments, oldest first", {},
             [&env](RequestContext& r) {
               return comments_response(env, r,
                                        env.comments.list(*r.caller, CommentTarget::kTask,
                                                          route_id(r.params, "taskid")));
             });
  routes.add(http::verb::post, "task/{taskid:int}/comment", "Comment on a task", kNewComment,
             [&env](RequestContext& r) {
               return add(env, r, CommentTarget::kTask, route_id(r.params, "taskid"));
             });
  routes.add(http::verb::get, "message/{messageid:int}/comment",
             "A discussion's comments, oldest first", {}, [&env](RequestContext& r) {
               return comments_response(env, r,
                                        env.comments.list(*r.caller, CommentTarget::kMessage,
                                                          route_id(r.params, "messageid")));
             });
  routes.add(http::verb::post, "message/{messageid:int}/comment", "Comment on a discussion",
             kNewComment, [&env](RequestContext& r) {
               return add(env, r, CommentTarget::kMessage, route_id(r.params, "messageid"));
             });
  routes.add(http::verb::post, "comment",
             "Comment on a task or discussion by type and id (the web front end); answers "
             "CommentInfo",
             {{"type", ParamIn::kBody, "string", true, "task or message"},
              {"entityid", ParamIn::kBody, "integer", true, "the task or discussion id"},
              {"content", ParamIn::kBody, "string", true, "HTML; sanitised"},
              {"parentcommentid", ParamIn::kBody, "guid", false, "the comment answered"}},
             [&env](RequestContext& r) { return add_generic(env, r); });
  routes.add(http::verb::post, "comment/preview",
             "A comment's CommentInfo as it would be stored (sanitised HTML); stores nothing",
             {{"htmltext", ParamIn::kBody, "string", false, "HTML"},
              {"commentid", ParamIn::kBody, "guid", false, "the comment being edited, if any"}},
             [&env](RequestContext& r) { return preview(env, r); });
  routes.add(http::verb::get, "comment/{commentid}", "One comment", {}, [&env](RequestContext& r) {
    return one_response(env, r, env.comments.get(*r.caller, comment_id(r.params)));
  });
  routes.add(http::verb::put, "comment/{commentid}",
             "Change a comment's text (author, project manager or admin); answers the stored HTML",
             {{"content", ParamIn::kBody, "string", true, "HTML; sanitised"}},
             [&env](RequestContext& r) {
               return text_response(env.comments.update(
                   *r.caller, comment_id(r.params), r.params.get_string("content").value_or("")));
             });
  routes.add(http::verb::delete_, "comment/{commentid}",
             "Delete a comment (it stays, inactive); answers its id", {},
             [&env](RequestContext& r) {
               return text_response(env.comments.remove(*r.caller, comment_id(r.params)));
             });
}

}  // namespace projectd
