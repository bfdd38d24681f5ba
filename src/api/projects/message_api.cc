// api/2.0/project discussions (ProjectApi.Messages): MessageWrapper for lists, create and delete,
// the full variant for one discussion and its update.
#include "api/binding.h"
#include "api/paging.h"
#include "api/projects/message_params.h"
#include "api/projects/message_wrappers.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "base/errors.h"
#include "domain/html_sanitizer.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

HandlerResult views_response(ApiEnv& env, RequestContext& request, const MessageViews& found,
                             const PageRequest& page) {
  boost::json::array out;
  const bool simple = simple_mode(request.params);
  for (const MessageView& view : found.messages)
    out.push_back(message_wrapper(view, found.people, wrap_context(env, request), simple));
  return ok_page(std::move(out), page, found.total);
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
  m.notify = p.get_bool("notify").value_or(false);
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

HandlerResult filter_messages(ApiEnv& env, RequestContext& request) {
  const MessageQuery query = message_filter_query(request.params, env.zone);
  const PageRequest page{query.offset, query.limit};
  return views_response(env, request, env.messages.filter(*request.caller, query), page);
}

HandlerResult update_message_status(ApiEnv& env, RequestContext& request) {
  const auto status = request.params.get_enum("status", kMessageStatusNames);
  if (!status) throw_bad_request("Parameter 'status' is required: open or archived");
  return one_response(
      env, request,
      env.messages.set_status(*request.caller, route_id(request.params, "messageid"),
                              static_cast<MessageStatus>(*status)));
}

HandlerResult subscribers(ApiEnv& env, RequestContext& request) {
  const MessageSubscribers found =
      env.messages.subscribers(*request.caller, route_id(request.params, "messageid"));
  return ok(subscriber_wrappers(found.user_ids, found.people, wrap_context(env, request)));
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
  create_docs.push_back({"notify", ParamIn::kBody, "boolean", false,
                         "tell the participants (discussion.created carries it)"});
  routes.add(http::verb::post, "{projectid:int}/message", "Start a discussion in a project",
             create_docs, [&env](RequestContext& r) {
               return one_response(env, r,
                                   env.messages.create(*r.caller, route_id(r.params, "projectid"),
                                                       new_message(r.params)));
             });
  routes.add(http::verb::get, "{projectid:int}/message", "A project's discussions, newest first",
             with_paging(), [&env](RequestContext& r) {
               MessageQuery q;
               q.project_id = route_id(r.params, "projectid");
               return list(env, r, q);
             });
  routes.add(http::verb::get, "message", "Discussions of every readable project, newest first",
             with_paging(), [&env](RequestContext& r) { return list(env, r, MessageQuery{}); });
  routes.add(
      http::verb::get, "message/filter", "Discussions matching a filter, paged, with total",
      with_paging(
          {{"projectid", ParamIn::kQuery, "integer", false, "one project's discussions"},
           {"tag", ParamIn::kQuery, "integer", false,
            "the project's tag id; -1: projects without tags"},
           {"status", ParamIn::kQuery, "string", false, "open (0) or archived (1)"},
           {"participant", ParamIn::kQuery, "guid", false, "the author (as the original)"},
           {"createdBy", ParamIn::kQuery, "guid", false, "the author"},
           {"departament", ParamIn::kQuery, "guid", false, "a people group: the author is in it"},
           {"createdStart", ParamIn::kQuery, "date", false, "created on or after this day"},
           {"createdStop", ParamIn::kQuery, "date", false, "created on or before this day"},
           {"lastId", ParamIn::kQuery, "integer", false, "only discussions with a larger id"},
           {"myProjects", ParamIn::kQuery, "boolean", false, "only projects whose team you are in"},
           {"follow", ParamIn::kQuery, "boolean", false, "only discussions you are subscribed to"},
           {"filterValue", ParamIn::kQuery, "string", false, "text in the title"},
           {"sortBy", ParamIn::kQuery, "string", false,
            "comments (last activity), create_on or title; default newest first"},
           {"sortOrder", ParamIn::kQuery, "string", false, "ascending (default) or descending"}}),
      [&env](RequestContext& r) { return filter_messages(env, r); });
  routes.add(http::verb::put, "message/{messageid:int}/status",
             "Open or archive a discussion (author, project manager or admin)",
             {{"status", ParamIn::kBody, "string", true, "open (0) or archived (1)"}},
             [&env](RequestContext& r) { return update_message_status(env, r); });
  routes.add(http::verb::get, "message/{messageid:int}/subscribe",
             "Whether you are subscribed to a discussion (a boolean)", {},
             [&env](RequestContext& r) {
               return ok(env.messages.is_subscribed(*r.caller, route_id(r.params, "messageid")));
             });
  routes.add(http::verb::put, "message/{messageid:int}/subscribe",
             "Subscribe to a discussion, or unsubscribe when subscribed; answers the discussion",
             {}, [&env](RequestContext& r) {
               return full_response(
                   env, r,
                   env.messages.toggle_subscription(*r.caller, route_id(r.params, "messageid")));
             });
  routes.add(http::verb::get, "message/{messageid:int}/subscribes",
             "The people subscribed to a discussion, by display name", {},
             [&env](RequestContext& r) { return subscribers(env, r); });
  routes.add(
      http::verb::post, "message/discussion/preview",
      "The discussion text as it would be stored (sanitised HTML); stores nothing",
      {{"htmltext", ParamIn::kBody, "string", false, "HTML"}}, [](RequestContext& r) {
        return ok(boost::json::string(sanitize_html(r.params.get_string("htmltext").value_or(""))));
      });
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
