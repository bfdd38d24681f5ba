// api/2.0/project discussions (ProjectApi.Messages): MessageWrapper for lists, create and delete,
// the full variant for one discussion and its update.
#include "api/binding.h"
#include "api/paging.h"
#include "api/projects/message_wrappers.h"
#include "api/route_group.h"
#include "api/routes.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

HandlerResult views_response(ApiEnv& env, RequestContext& request, const MessageViews& found,
                             const PageRequest& page) {
  boost::json::array out;
  const bool simple = simple_mode(request.params);
  for (const MessageView& view : found.messages)
    out.push_back(message_wrapper(view, found.people, wrap_context(env, request), simple));
  const auto returned = static_cast<std::int64_t>(out.size());
  return ok(std::move(out), page_result(page, returned, found.total));
}

HandlerResult one_response(ApiEnv& env, RequestContext& request, const MessageViews& found) {
  return ok(message_wrapper(found.messages.front(), found.people, wrap_context(env, request),
                            simple_mode(request.params)));
}

HandlerResult full_response(ApiEnv& env, RequestContext& request, const MessageFullView& found) {
  return ok(message_wrapper_full(found, wrap_context(env, request), simple_mode(request.params)));
}

HandlerResult list(ApiEnv& env, RequestContext& request, MessageQuery query) {
  const PageRequest page = page_request(request.params);
  query.offset = page.start_index;
  query.limit = page.count;
  return views_response(env, request, env.messages.list(*request.caller, query), page);
}

NewMessage new_message(const Params& p) {
  NewMessage m;
  m.title = p.get_string("title").value_or("");
  m.content = p.get_string("content").value_or("");
  m.participants = people_list(p, "participants").value_or(std::vector<std::string>{});
  return m;
}

MessageChanges message_changes_of(const Params& p) {
  MessageChanges c;
  if (auto id = p.get_int("projectid"); id && *id > 0) c.project_id = *id;
  c.title = p.get_string("title");
  c.content = p.get_string("content");
  c.participants = people_list(p, "participants");
  return c;
}

const std::vector<ParamDoc> kMessageFields = {
    {"title", ParamIn::kBody, "string", false, "required when creating"},
    {"content", ParamIn::kBody, "string", false, "HTML, sanitised; required when creating"},
    {"participants", ParamIn::kBody, "array", false, "user ids (GUIDs) to subscribe"},
};

}  // namespace

void add_message_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/project/", "discussions");
  std::vector<ParamDoc> create_docs = kMessageFields;
  create_docs.push_back({"notify", ParamIn::kBody, "boolean", false, "ignored"});
  routes.add(http::verb::post, "{projectid:int}/message", "Start a discussion in a project",
             create_docs, [&env](RequestContext& r) {
               return one_response(env, r,
                                   env.messages.create(*r.caller, route_id(r.params, "projectid"),
                                                       new_message(r.params)));
             });
  routes.add(http::verb::get, "{projectid:int}/message", "A project's discussions, newest first",
             {}, [&env](RequestContext& r) {
               MessageQuery q;
               q.project_id = route_id(r.params, "projectid");
               return list(env, r, q);
             });
  routes.add(http::verb::get, "message", "Discussions of every readable project, newest first", {},
             [&env](RequestContext& r) { return list(env, r, MessageQuery{}); });
  routes.add(
      http::verb::get, "message/{messageid:int}",
      "One discussion with its subscribers, comments and project", {}, [&env](RequestContext& r) {
        return full_response(env, r, env.messages.get(*r.caller, route_id(r.params, "messageid")));
      });
  std::vector<ParamDoc> update_docs = kMessageFields;
  update_docs.push_back({"projectid", ParamIn::kBody, "integer", false, "move to this project"});
  routes.add(http::verb::put, "message/{messageid:int}",
             "Change a discussion (author, project manager or admin); absent fields are kept",
             update_docs, [&env](RequestContext& r) {
               return full_response(env, r,
                                    env.messages.update(*r.caller, route_id(r.params, "messageid"),
                                                        message_changes_of(r.params)));
             });
  routes.add(http::verb::delete_, "message/{messageid:int}",
             "Delete a discussion with its comments (author, project manager or admin)", {},
             [&env](RequestContext& r) {
               return one_response(env, r,
                                   env.messages.remove(*r.caller, route_id(r.params, "messageid")));
             });
}

}  // namespace projectd
