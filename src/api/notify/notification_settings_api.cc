// Notification settings and unsubscribing (projectd extensions, issue 18; docs/notifications.md,
// "Turning notifications off"):
//   GET  api/2.0/people/@self/notifications   every kind with its state: [{kind, enabled}]
//   PUT  api/2.0/people/@self/notifications   body {"kinds": {"comments": false, ...}} (or the form
//                                              `kinds[comments]=false`); unknown kinds answer 400
//   GET  api/2.0/notifications/unsubscribe?token=T  a page with a button (anonymous)
//   POST api/2.0/notifications/unsubscribe?token=T  turns the kind off (RFC 8058 one-click)
// The pages carry the web app's security headers: no script, no inline style.
#include "api/route_group.h"
#include "api/routes.h"
#include "api/web/web_security_headers.h"
#include "base/ascii.h"
#include "base/errors.h"
#include "domain/notify/notification_settings_service.h"

#include <map>

namespace projectd {

namespace http = boost::beast::http;

namespace {

boost::json::array notification_states_json(const NotificationStates& states) {
  boost::json::array out;
  for (const auto& [kind, enabled] : states)
    out.push_back(boost::json::object{{"kind", kind}, {"enabled", enabled}});
  return out;
}

// `kinds[<kind>]` entries of the body or query, kinds lowercased.
std::map<std::string, bool> notification_kinds_sent(const Params& params) {
  std::map<std::string, bool> kinds;
  for (const auto& [key, value] : params.entries()) {
    const std::string lower = ascii::to_lower(key);
    if (lower == "kinds")
      throw_bad_request("Parameter 'kinds' must be an object of kinds and booleans");
    if (!lower.starts_with("kinds[") || !lower.ends_with("]")) continue;
    const std::string kind = lower.substr(6, lower.size() - 7);
    if (kind.find_first_of("[]") != std::string::npos)
      throw_bad_request("Parameter '" + key + "' must be a boolean");
    const std::optional<bool> enabled = params.get_bool(key);
    if (!enabled) throw_bad_request("Parameter '" + key + "' must be a boolean");
    kinds[kind] = *enabled;
  }
  return kinds;
}

std::string_view unsubscribe_kind_text(std::string_view kind) {
  if (kind == "assigned") return "tasks assigned to you and reminders";
  if (kind == "status") return "status changes of your tasks";
  if (kind == "comments") return "new comments";
  if (kind == "files") return "files attached and detached";
  if (kind == "discussions") return "new discussions";
  return "milestone deadlines";
}

RawResponse unsubscribe_page(std::string_view title, const std::string& body_html) {
  RawResponse out;
  out.content_type = "text/html; charset=utf-8";
  out.headers = web_security_headers();
  out.headers.emplace_back("Cache-Control", "no-store");
  out.body = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" +
             std::string(title) + "</title></head><body><h1>" + std::string(title) + "</h1>" +
             body_html + "</body></html>\n";
  return out;
}

std::string unsubscribe_token_param(const Params& params) {
  const std::optional<std::string> token = params.get_string("token");
  if (!token || token->empty()) throw_bad_request("Parameter 'token' is required");
  return *token;
}

// Every character a token may hold (base64url and '.'), so it goes into the form's action as is.
bool plain_unsubscribe_token(std::string_view token) {
  for (char c : token)
    if (!ascii::is_digit(c) && !(c >= 'a' && c <= 'z') && !(c >= 'A' && c <= 'Z') && c != '-' &&
        c != '_' && c != '.')
      return false;
  return true;
}

}  // namespace

void add_notification_settings_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup people(table, "api/2.0/people/@self/", "notifications");
  people.add(http::verb::get, "notifications",
             "The caller's notification mail kinds and whether each is on (projectd extension)", {},
             [&env](RequestContext& r) {
               return ok(notification_states_json(env.notification_settings.get(*r.caller)));
             });
  people.add(http::verb::put, "notifications",
             "Turns kinds of notification mail on or off (projectd extension)",
             {{"kinds", ParamIn::kBody, "object", false,
               "kind: boolean; kinds: assigned, status, comments, files, discussions, "
               "milestones"}},
             [&env](RequestContext& r) {
               return ok(notification_states_json(
                   env.notification_settings.update(*r.caller, notification_kinds_sent(r.params))));
             });

  RouteGroup links(table, "api/2.0/notifications/", "notifications");
  const std::vector<ParamDoc> token_doc = {
      {"token", ParamIn::kQuery, "string", false,
       "(required) the token of the mail's List-Unsubscribe link"}};
  Route& page = links.add(
      http::verb::get, "unsubscribe", "A page that turns one kind of notification mail off",
      token_doc, [&env](RequestContext& r) -> HandlerResult {
        const std::string token = unsubscribe_token_param(r.params);
        if (!plain_unsubscribe_token(token)) throw_bad_request("The unsubscribe link is not valid");
        const UnsubscribeTarget target = env.notification_settings.check_token(token);
        return unsubscribe_page(
            "Stop these notifications",
            "<p>You get mail about " + std::string(unsubscribe_kind_text(target.kind)) +
                ".</p><form method=\"post\" action=\"unsubscribe?token=" + token +
                "\"><button type=\"submit\">Stop these notifications</button></form>");
      });
  page.requires_auth = false;
  Route& one_click = links.add(
      http::verb::post, "unsubscribe",
      "Turns one kind of notification mail off (RFC 8058 one-click; the token is the authority)",
      token_doc, [&env](RequestContext& r) -> HandlerResult {
        const UnsubscribeTarget target =
            env.notification_settings.unsubscribe(unsubscribe_token_param(r.params));
        return unsubscribe_page("Notifications stopped",
                                "<p>You will no longer get mail about " +
                                    std::string(unsubscribe_kind_text(target.kind)) +
                                    ". You can turn it on again in your profile.</p>");
      });
  one_click.requires_auth = false;
}

}  // namespace projectd
