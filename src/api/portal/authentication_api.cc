// POST api/2.0/authentication (docs/wire-compatibility.md, "Credentials") and logout.
#include "api/route_group.h"
#include "api/routes.h"

#include "wire/date.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

// The sign-in cookie. `Secure` whenever the browser reached us over https: --public-url is https,
// or the request came over projectd's own TLS or from a trusted proxy that terminated TLS (README
// "TLS"); a plain-http portal cannot set it, or the browser would never send the cookie back.
std::string auth_cookie(const RequestContext& request, const std::string& token,
                        long long max_age_seconds) {
  const bool secure = request.https || request.base_url.starts_with("https://");
  return "asc_auth_key=" + token + "; Path=/; Max-Age=" + std::to_string(max_age_seconds) +
         (secure ? "; Secure" : "") + "; HttpOnly; SameSite=Lax";
}

HandlerResult sign_in(ApiEnv& env, RequestContext& request) {
  const std::string login = request.params.get_string("userName").value_or("");
  const std::string password = request.params.get_string("password").value_or("");
  const IssuedToken issued = env.auth.login(login, password, request.client_address);

  boost::json::object body;
  body["token"] = issued.token;
  body["expires"] = format_api_date_numeric_offset(issued.expires, env.zone);
  ApiResponse response{std::move(body), {}, 201, {}};
  const auto max_age = std::chrono::duration_cast<std::chrono::seconds>(issued.expires - now_utc());
  response.headers.emplace_back("Set-Cookie", auth_cookie(request, issued.token, max_age.count()));
  return response;
}

HandlerResult sign_out(ApiEnv& env, RequestContext& request) {
  env.auth.logout(*request.caller);
  ApiResponse response{boost::json::object(), {}, std::nullopt, {}};
  response.headers.emplace_back("Set-Cookie", auth_cookie(request, "", 0));
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
