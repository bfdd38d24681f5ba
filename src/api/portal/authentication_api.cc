// POST api/2.0/authentication (docs/wire-compatibility.md, "Credentials") and logout.
#include "api/route_group.h"
#include "api/routes.h"

#include "wire/date.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

HandlerResult sign_in(ApiEnv& env, RequestContext& request) {
  const std::string login = request.params.get_string("userName").value_or("");
  const std::string password = request.params.get_string("password").value_or("");
  const IssuedToken issued = env.auth.login(login, password, request.client_address);

  boost::json::object body;
  body["token"] = issued.token;
  body["expires"] = format_api_date_numeric_offset(issued.expires, env.zone);
  ApiResponse response{std::move(body), {}, 201, {}};
  const auto max_age = std::chrono::duration_cast<std::chrono::seconds>(issued.expires - now_utc());
  response.headers.emplace_back("Set-Cookie",
                                "asc_auth_key=" + issued.token + "; Path=/; Max-Age=" +
                                    std::to_string(max_age.count()) + "; HttpOnly; SameSite=Lax");
  return response;
}

HandlerResult sign_out(ApiEnv& env, RequestContext& request) {
  env.auth.logout(*request.caller);
  ApiResponse response{boost::json::object(), {}, std::nullopt, {}};
  response.headers.emplace_back("Set-Cookie",
                                "asc_auth_key=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
  return response;
}

}  // namespace

void add_authentication_routes(RouteTable& table, ApiEnv& env) {
  RouteGroup authentication_routes(table, "", "authentication");
  Route& sign_in_route =
      authentication_routes.add(http::verb::post, "api/2.0/authentication",
                                "Sign in with a user name (or email) and password; returns a token",
                                {{"userName", ParamIn::kBody, "string", true, "email or user name"},
                                 {"password", ParamIn::kBody, "string", true, ""}},
                                [&env](RequestContext& r) { return sign_in(env, r); });
  sign_in_route.requires_auth = false;
  sign_in_route.body_limit = 64 * 1024;
  authentication_routes.add(http::verb::post, "api/2.0/authentication/logout",
                            "Revoke the token this request is authenticated with", {},
                            [&env](RequestContext& r) { return sign_out(env, r); });
}

}  // namespace projectd
