// api/2.0/project comments (docs/wire-compatibility.md, "Endpoints"): on tasks and on discussions,
// and one comment by its GUID. Content is sanitised HTML; PUT answers the stored text and DELETE
// the id, as the original.
#include "api/comment_wrappers.h"
#include "api/project_binding.h"
#include "api/routes.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

HandlerResult comments_response(ApiEnv& env, RequestContext& request, const CommentViews& found) {
  boost::json::array out;
  for (const CommentView& view : found.comments)
    out.push_back(comment_wrapper(view, found.people, wrap_context(env, request)));
  return ApiResponse{std::move(out), {}, std::nullopt, {}};
}

HandlerResult one_response(ApiEnv& env, RequestContext& request, const CommentViews& found) {
  return ApiResponse{
      comment_wrapper(found.comments.front(), found.people, wrap_context(env, request)),
      {},
      std::nullopt,
      {}};
}

HandlerResult text_response(std::string text) {
  return ApiResponse{boost::json::string(std::move(text)), {}, std::nullopt, {}};
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

const ParamDoc kCommentId{"commentid", ParamIn::kPath, "guid", true, "comment id"};
const std::vector<ParamDoc> kNewComment = {
    {"content", ParamIn::kBody, "string", true, "HTML; sanitised"},
    {"parentid", ParamIn::kBody, "guid", false, "the comment answered"},
};

std::vector<ParamDoc> with(ParamDoc first, std::vector<ParamDoc> rest) {
  rest.insert(rest.begin(), std::move(first));
  return rest;
}

}  // namespace

void add_comment_routes(RouteTable& table, ApiEnv& env) {
  auto route = [&](http::verb method, std::string pattern, std::string summary,
                   std::vector<ParamDoc> params, Handler handler) {
    table.add(Route{method, "api/2.0/project/" + pattern, std::move(summary), "comments", true,
                    kApiBodyLimit, std::move(params), std::move(handler)});
  };
  const ParamDoc task_id{"taskid", ParamIn::kPath, "integer", true, "task id"};
  const ParamDoc message_id{"messageid", ParamIn::kPath, "integer", true, "discussion id"};
  route(http::verb::get, "task/{taskid:int}/comment", "A task's comments, oldest first", {task_id},
        [&env](RequestContext& r) {
          return comments_response(
              env, r,
              env.comments.list(*r.caller, CommentTarget::kTask, route_id(r.params, "taskid")));
        });
  route(http::verb::post, "task/{taskid:int}/comment", "Comment on a task",
        with(task_id, kNewComment), [&env](RequestContext& r) {
          return add(env, r, CommentTarget::kTask, route_id(r.params, "taskid"));
        });
  route(http::verb::get, "message/{messageid:int}/comment", "A discussion's comments, oldest first",
        {message_id}, [&env](RequestContext& r) {
          return comments_response(env, r,
                                   env.comments.list(*r.caller, CommentTarget::kMessage,
                                                     route_id(r.params, "messageid")));
        });
  route(http::verb::post, "message/{messageid:int}/comment", "Comment on a discussion",
        with(message_id, kNewComment), [&env](RequestContext& r) {
          return add(env, r, CommentTarget::kMessage, route_id(r.params, "messageid"));
        });
  route(http::verb::get, "comment/{commentid}", "One comment", {kCommentId},
        [&env](RequestContext& r) {
          return one_response(env, r, env.comments.get(*r.caller, comment_id(r.params)));
        });
  route(http::verb::put, "comment/{commentid}",
        "Change a comment's text (author, project manager or admin); answers the stored HTML",
        {kCommentId, {"content", ParamIn::kBody, "string", true, "HTML; sanitised"}},
        [&env](RequestContext& r) {
          return text_response(env.comments.update(*r.caller, comment_id(r.params),
                                                   r.params.get_string("content").value_or("")));
        });
  route(http::verb::delete_, "comment/{commentid}",
        "Delete a comment (it stays, inactive); answers its id", {kCommentId},
        [&env](RequestContext& r) {
          return text_response(env.comments.remove(*r.caller, comment_id(r.params)));
        });
}

}  // namespace projectd
