// The portal's own calls that the official clients make before and right after signing in
// (docs/wire-compatibility.md, "The portal"): the sign-in capabilities, the mobile app's install
// registration, and the versions. The mobile app's very first call is GET capabilities,
// anonymous and with an empty Authorization header; anything but 200 makes it say that the portal
// does not exist.
#include "api/route_group.h"
#include "api/routes.h"

namespace projectd {

namespace http = boost::beast::http;

namespace {

// CapabilitiesData: projectd signs in with a password only (no LDAP, OAuth providers or SSO).
boost::json::object portal_capabilities() {
  return boost::json::object{{"ldapEnabled", false},
                             {"oauthEnabled", false},
                             {"providers", boost::json::array()},
                             {"ssoLabel", ""},
                             {"ssoUrl", ""}};
}

// BuildVersion: the original leaves out the document and mail servers it does not have.
boost::json::object build_version() {
  return boost::json::object{{"communityServer", PROJECTD_VERSION}};
}

// TenantVersionWrapper: the portal runs one version, the only one there is to choose.
boost::json::object tenant_versions() {
  boost::json::array versions;
  versions.push_back(boost::json::object{{"id", 1}, {"name", "projectd " PROJECTD_VERSION}});
  return boost::json::object{{"current", 1}, {"versions", std::move(versions)}};
}

}  // namespace

void add_portal_routes(RouteTable& table) {
  RouteGroup routes(table, "api/2.0/", "portal");
  routes
      .add(http::verb::get, "capabilities",
           "How one signs in here (anonymous): password only, no LDAP, OAuth or SSO", {},
           [](RequestContext&) -> HandlerResult { return ok(portal_capabilities()); })
      .requires_auth = false;
  routes.add(http::verb::post, "portal/mobile/registration",
             "The mobile app's install registration: accepted, nothing is stored",
             {{"type", ParamIn::kBody, "integer", false, "the app (the original's MobileAppType)"}},
             [](RequestContext&) -> HandlerResult { return ok(boost::json::object()); });
  routes
      .add(http::verb::get, "settings/version/build", "projectd's version (anonymous)", {},
           [](RequestContext&) -> HandlerResult { return ok(build_version()); })
      .requires_auth = false;
  routes.add(http::verb::get, "settings/version", "The portal's version and the versions offered",
             {}, [](RequestContext&) -> HandlerResult { return ok(tenant_versions()); });
}

}  // namespace projectd
