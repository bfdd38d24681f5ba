// api/2.0/webhooks: signed webhook endpoints, a projectd extension for portal administrators
// (domain/notify/webhook_service.h; docs/notifications.md, "## Webhooks").
#include "api/binding.h"
#include "api/paging.h"
#include "api/route_group.h"
#include "api/routes.h"
#include "auth/random.h"
#include "base/errors.h"
#include "domain/notify/webhook_service.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

std::int64_t route_webhook_id(const Params& params) {
  return params.get_int("webhookid").value_or(0);
}

boost::json::value webhook_optional_date(const std::optional<Timestamp>& at,
                                         const PortalTimeZone& zone) {
  if (!at) return nullptr;
  return boost::json::value(format_api_date(*at, zone));
}

// One endpoint; the secret only when `with_secret` (the create answer, once).
boost::json::object webhook_wrapper(const WebhookRecord& w, const PortalTimeZone& zone,
                                    bool with_secret = false) {
  boost::json::array events;
  for (const std::string& pattern : webhook_patterns(w))
    events.emplace_back(pattern);
  boost::json::object out{
      {"id", w.id},
      {"url", w.url},
      {"events", std::move(events)},
      {"enabled", w.enabled},
      {"createdBy", w.created_by},
      {"created", format_api_date(w.created, zone)},
      {"failureStreak", w.failure_streak},
      {"disabledReason",
       w.disabled_reason ? boost::json::value(*w.disabled_reason) : boost::json::value(nullptr)},
      {"disabledAt", webhook_optional_date(w.disabled_at, zone)}};
  if (with_secret) out["secret"] = w.secret;
  return out;
}

std::string_view webhook_delivery_state(DeliveryState state) {
  switch (state) {
    case DeliveryState::kPending:
      return "pending";
    case DeliveryState::kDelivered:
      return "delivered";
    case DeliveryState::kFailed:
      return "failed";
  }
  return "pending";
}

boost::json::object webhook_delivery_wrapper(const DeliveryRecord& d, const PortalTimeZone& zone) {
  return boost::json::object{
      {"id", d.id},
      {"event", d.event_type},
      {"deliveryId", d.key},
      {"state", webhook_delivery_state(d.state)},
      {"attempts", d.attempts},
      {"lastError", d.last_error ? boost::json::value(*d.last_error) : boost::json::value(nullptr)},
      {"created", format_api_date(d.created, zone)},
      {"delivered", webhook_optional_date(d.delivered, zone)}};
}

HandlerResult create_webhook(ApiEnv& env, RequestContext& r) {
  const Params& p = r.params;
  WebhookInput input;
  input.url = p.get_string("url").value_or("");
  input.events = p.get_list("events").value_or(std::vector<std::string>{});
  input.secret = p.get_string("secret");
  return ok(webhook_wrapper(env.webhooks.create(*r.caller, input), env.zone, true));
}

HandlerResult update_webhook(ApiEnv& env, RequestContext& r) {
  const Params& p = r.params;
  WebhookChanges changes;
  changes.url = p.get_string("url");
  changes.events = p.get_list("events");
  changes.enabled = p.get_bool("enabled");
  return ok(
      webhook_wrapper(env.webhooks.update(*r.caller, route_webhook_id(p), changes), env.zone));
}

HandlerResult webhook_deliveries(ApiEnv& env, RequestContext& r) {
  const PageRequest page = page_request(r.params);
  const auto result =
      env.webhooks.deliveries(*r.caller, route_webhook_id(r.params), page.start_index, page.count);
  boost::json::array items;
  for (const DeliveryRecord& d : result.deliveries)
    items.push_back(webhook_delivery_wrapper(d, env.zone));
  return ok_page(std::move(items), page, result.total);
}

const std::vector<ParamDoc> kWebhookChangeDocs = {
    {"url", ParamIn::kBody, "string", false, "http or https, no credentials, at most 2000 chars"},
    {"events", ParamIn::kBody, "string[]", false,
     "event patterns: project.*, task.*, comment.created, file.*, a type such as task.created, "
     "or * for all"},
    {"enabled", ParamIn::kBody, "boolean", false, "true re-enables and clears the failure streak"}};

}  // namespace

void add_webhook_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup routes(table, "api/2.0/webhooks", "webhooks");
  routes.add(http::verb::get, "", "Every webhook endpoint (administrators; never the secret)", {},
             [&env](RequestContext& r) {
               boost::json::array out;
               for (const WebhookRecord& w : env.webhooks.list(*r.caller))
                 out.push_back(webhook_wrapper(w, env.zone));
               return ok(std::move(out));
             });
  routes.add(http::verb::post, "",
             "Register an endpoint (administrators); answers the secret, this once",
             {{"url", ParamIn::kBody, "string", true, "http or https, no credentials"},
              {"events", ParamIn::kBody, "string[]", true, "event patterns (see PUT)"},
              {"secret", ParamIn::kBody, "string", false,
               "the HMAC-SHA256 key; generated (64 hex digits) when absent"}},
             [&env](RequestContext& r) { return create_webhook(env, r); });
  routes.add(http::verb::get, "/{webhookid:int}", "One endpoint, with why it was disabled", {},
             [&env](RequestContext& r) {
               return ok(webhook_wrapper(env.webhooks.get(*r.caller, route_webhook_id(r.params)),
                                         env.zone));
             });
  routes.add(http::verb::put, "/{webhookid:int}", "Change an endpoint; what is not sent is kept",
             kWebhookChangeDocs, [&env](RequestContext& r) { return update_webhook(env, r); });
  routes.add(http::verb::delete_, "/{webhookid:int}", "Remove an endpoint; answers it as it was",
             {}, [&env](RequestContext& r) {
               return ok(webhook_wrapper(env.webhooks.remove(*r.caller, route_webhook_id(r.params)),
                                         env.zone));
             });
  routes.add(http::verb::get, "/{webhookid:int}/deliveries",
             "The endpoint's deliveries, newest first, paged", with_paging(),
             [&env](RequestContext& r) { return webhook_deliveries(env, r); });
  routes.add(http::verb::post, "/{webhookid:int}/deliveries/{deliveryid:int}/redeliver",
             "Send a delivery again now, with the same delivery id", {}, [&env](RequestContext& r) {
               return ok(webhook_delivery_wrapper(
                   env.webhooks.redeliver(*r.caller, route_webhook_id(r.params),
                                          r.params.get_int("deliveryid").value_or(0)),
                   env.zone));
             });
}

}  // namespace projectd
