// One route table is the single source of truth for what projectd serves: the router matches
// against it, the OpenAPI document is generated from it, and the authorization matrix test walks
// it.
#pragma once

#include "http/handler.h"

#include <boost/beast/http/verb.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace projectd {

enum class ParamIn { kPath, kQuery, kBody };

// A documented parameter. Binding itself stays tolerant (docs/wire-compatibility.md, "Parameter
// sources" to "Unknown parameters"): `in` says where clients usually send it, but every source is
// accepted.
struct ParamDoc {
  std::string name;
  ParamIn in = ParamIn::kQuery;
  std::string type = "string";  // string, integer, boolean, date, guid, array, file
  bool required = false;
  std::string description;
};

inline constexpr std::size_t kApiBodyLimit = 1024 * 1024;

struct Route {
  boost::beast::http::verb method;
  // Path pattern without a leading slash, e.g. "api/2.0/project/task/{taskid:int}/files";
  // `{name}` matches one segment, `{name:int}` one segment of digits.
  std::string pattern;
  std::string summary;
  std::string tag;  // OpenAPI grouping: "authentication", "people", ...
  bool requires_auth = true;
  // Largest body this route reads; larger answers 413 before the body is read.
  std::size_t body_limit = kApiBodyLimit;
  std::vector<ParamDoc> params;
  Handler handler;
  // Upload routes: the body is spooled to a temp file while it arrives (never held in memory) and
  // handed to the handler as RequestContext::uploads; multipart fields still become parameters.
  // Set it by name (route.streams_body = true), never positionally.
  bool streams_body = false;
  // Pure reads only (GET, nothing written, no answer that depends on the clock): a 200 answer is
  // kept in the response cache and repeated to the same caller until any write commits. Set it by
  // name too.
  bool caches_response = false;
  // A GET route that answers HEAD too, with the handler GET runs: the same status and headers
  // (Content-Length included), and no body (the server sends only the head). Set it by name.
  bool answers_head = false;
  // A parameter whose presence lets a request run without a caller: the handler decides what it
  // grants (the download handler's shared-link key `doc`). Without it the route authenticates as
  // requires_auth says. Set it by name.
  std::string anonymous_with = {};
};

// Whether `route` serves `method`: its own, or HEAD on a GET route that answers it.
inline bool serves(const Route& route, boost::beast::http::verb method) {
  return route.method == method ||
         (method == boost::beast::http::verb::head && route.answers_head &&
          route.method == boost::beast::http::verb::get);
}

class RouteTable {
 public:
  Route& add(Route route) { return routes_.emplace_back(std::move(route)); }
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace projectd
