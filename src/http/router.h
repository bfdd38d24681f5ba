// Matches a method and path against the route table. Literal segments win over parameters, so
// `task/@self` beats `task/{taskid}`. Every route also answers with a `.json`, `.xml` or `.tml`
// suffix on its last segment. HEAD matches the GET routes that declare answers_head. Thread
// safety: immutable after construction; match() is reentrant.
#pragma once

#include "http/route.h"
#include "wire/format.h"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace projectd {

struct RouteMatch {
  const Route* route = nullptr;  // null: no route for this method
  std::vector<std::pair<std::string, std::string>> path_params;
  std::optional<Format> suffix_format;
  // When route is null but the path exists for other methods: those methods (405 with Allow).
  std::vector<boost::beast::http::verb> allowed;
};

// Splits a path on `/`, dropping empty segments, so `a//b/` is `a`, `b`
// (docs/wire-compatibility.md, "Paths").
std::vector<std::string> split_path(std::string_view path);

class Router {
 public:
  explicit Router(const RouteTable& table);
  // `segments` are the request path's percent-decoded, non-empty segments.
  RouteMatch match(boost::beast::http::verb method, const std::vector<std::string>& segments) const;

 private:
  struct Segment {
    std::string literal;  // empty for a parameter
    std::string param;    // parameter name
    bool digits_only = false;
  };
  struct Compiled {
    const Route* route;
    std::vector<Segment> segments;
  };
  static bool matches(const Compiled& compiled, const std::vector<std::string>& segments,
                      std::vector<std::pair<std::string, std::string>>* params);
  // How specific a match is: literals earlier in the path rank first.
  static std::vector<int> rank(const Compiled& compiled);

  std::vector<Compiled> routes_;  // sorted most specific first
};

}  // namespace projectd
