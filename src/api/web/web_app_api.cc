// The web app (docs/web-app.md): its pages answer index.html, its bundles are served from the
// binary. Pages are never cached without asking (`no-cache` + ETag), bundles are immutable for a
// year (their names change with their content), and each is sent as the brotli or gzip variant
// the build made when the client accepts it.
#include "api/route_group.h"
#include "api/routes.h"
#include "api/web/web_assets.h"
#include "api/web/web_security_headers.h"
#include "base/ascii.h"
#include "http/download_headers.h"

#include <algorithm>
#include <optional>

namespace projectd {

namespace http = boost::beast::http;

namespace {

// Whether Accept-Encoding admits `coding` (RFC 9110 §12.5.3): listed, or `*`, without q=0.
bool accepts_encoding(std::string_view header, std::string_view coding) {
  bool star = false;
  while (!header.empty()) {
    const std::size_t comma = header.find(',');
    std::string_view item = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    const std::size_t semicolon = item.find(';');
    const std::string name = ascii::to_lower(ascii::trim(item.substr(0, semicolon)));
    bool refused = false;
    if (semicolon != std::string_view::npos) {
      std::string params = ascii::to_lower(std::string(item.substr(semicolon + 1)));
      params.erase(std::remove(params.begin(), params.end(), ' '), params.end());
      refused = params.starts_with("q=0") && params.find_first_of("123456789") == std::string::npos;
    }
    if (name == coding) return !refused;
    if (name == "*") star = !refused;
  }
  return star;
}

const WebAsset* find_asset(std::string_view path) {
  for (const WebAsset& asset : web_assets())
    if (asset.path == path) return &asset;
  return nullptr;
}

HandlerResult serve_asset(const WebAsset& asset, const RequestContext& request, bool immutable) {
  RawResponse out;
  out.content_type = std::string(asset.content_type);
  out.headers = web_security_headers();
  out.headers.emplace_back("Cache-Control",
                           immutable ? "public, max-age=31536000, immutable" : "no-cache");
  out.headers.emplace_back("Vary", "Accept-Encoding");
  const std::string etag = "\"" + std::string(asset.etag) + "\"";
  out.headers.emplace_back("ETag", etag);
  if (const std::string* match = request.header("if-none-match");
      match && if_none_match_matches(*match, asset.etag)) {
    out.status = 304;
    return out;
  }
  const std::string* accept = request.header("accept-encoding");
  std::string_view body = asset.identity;
  if (accept && !asset.brotli.empty() && accepts_encoding(*accept, "br")) {
    body = asset.brotli;
    out.headers.emplace_back("Content-Encoding", "br");
  } else if (accept && !asset.gzip.empty() && accepts_encoding(*accept, "gzip")) {
    body = asset.gzip;
    out.headers.emplace_back("Content-Encoding", "gzip");
  }
  out.body = std::string(body);
  return out;
}

HandlerResult serve_page(const RequestContext& request) {
  const WebAsset* page = find_asset("index.html");
  if (!page) throw ApiError(ErrorKind::kNotFound, "The web app is not built into this binary");
  return serve_asset(*page, request, false);
}

}  // namespace

void add_web_app_routes(RouteTable& table) {
  RouteGroup web(table, "", "web app");
  // The app's own addresses (web/src/routes.js): each answers the app, which then draws the page.
  const std::vector<std::pair<std::string, std::string>> pages = {
      {"", "The web app's start page (its project list)"},
      {"signin", "The web app's sign-in page"},
      {"reset-password", "The web app's page that sets a new password with a mailed reset link"},
      {"projects", "The web app's project list"},
      {"projects/{projectid:int}", "The web app's page of a project"},
      {"tasks/{taskid:int}", "The web app's page of a task"},
      {"people", "The web app's list of people"},
      {"profile", "The web app's page of the signed-in person"},
  };
  for (const auto& [pattern, summary] : pages) {
    Route& route = web.add(http::verb::get, pattern, summary, {},
                           [](RequestContext& r) { return serve_page(r); });
    route.requires_auth = false;
    route.answers_head = true;
  }
  Route& assets = web.add(
      http::verb::get, "assets/{asset}", "A file of the web app, named by its content's hash", {},
      [](RequestContext& r) -> HandlerResult {
        const std::string name = "assets/" + r.params.get_string("asset").value_or("");
        const WebAsset* asset = find_asset(name);
        if (!asset) throw ApiError(ErrorKind::kNotFound, "No such file");
        return serve_asset(*asset, r, true);
      });
  assets.requires_auth = false;
  assets.answers_head = true;
}

}  // namespace projectd
