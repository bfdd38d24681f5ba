#include "http/router.h"

#include <algorithm>

namespace projectd {

namespace http = boost::beast::http;

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The last segment without a format suffix, and the format it named.
std::pair<std::string, std::optional<Format>> strip_suffix(const std::string& last) {
  const auto format = format_of_suffix(last);
  if (!format) return {last, std::nullopt};
  const std::size_t dot = last.rfind('.');
  return {last.substr(0, dot), format};
}

}  // namespace

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) segments.emplace_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

Router::Router(const RouteTable& table) {
  for (const Route& route : table.routes()) {
    Compiled compiled{&route, {}};
    for (const std::string& part : split_path(route.pattern)) {
      Segment segment;
      if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
        std::string inner = part.substr(1, part.size() - 2);
        const std::size_t colon = inner.find(':');
        segment.param = inner.substr(0, colon);
        segment.digits_only = colon != std::string::npos && inner.substr(colon + 1) == "int";
      } else {
        segment.literal = part;
      }
      compiled.segments.push_back(std::move(segment));
    }
    routes_.push_back(std::move(compiled));
  }
  std::stable_sort(routes_.begin(), routes_.end(),
                   [](const Compiled& a, const Compiled& b) { return rank(a) > rank(b); });
}

std::vector<int> Router::rank(const Compiled& compiled) {
  std::vector<int> r;
  for (const Segment& s : compiled.segments)
    r.push_back(s.param.empty() ? 2 : s.digits_only);
  return r;
}

bool Router::matches(const Compiled& compiled, const std::vector<std::string>& segments,
                     std::vector<std::pair<std::string, std::string>>* params) {
  if (compiled.segments.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const Segment& s = compiled.segments[i];
    if (s.param.empty()) {
      if (s.literal != segments[i]) return false;
    } else if (s.digits_only && !all_digits(segments[i])) {
      return false;
    }
  }
  if (params) {
    for (std::size_t i = 0; i < segments.size(); ++i)
      if (!compiled.segments[i].param.empty())
        params->emplace_back(compiled.segments[i].param, segments[i]);
  }
  return true;
}

RouteMatch Router::match(boost::beast::http::verb method,
                         const std::vector<std::string>& segments) const {
  RouteMatch result;
  // Try the path with its format suffix stripped first, then as sent (a literal such as
  // `openapi.json` keeps its dot).
  std::vector<std::vector<std::string>> candidates;
  std::vector<std::optional<Format>> formats;
  if (!segments.empty()) {
    auto [stripped, format] = strip_suffix(segments.back());
    if (format) {
      auto copy = segments;
      copy.back() = stripped;
      if (!stripped.empty()) {
        candidates.push_back(std::move(copy));
        formats.push_back(format);
      }
    }
  }
  candidates.push_back(segments);
  formats.push_back(std::nullopt);

  for (std::size_t c = 0; c < candidates.size(); ++c) {
    for (const Compiled& compiled : routes_) {
      if (!serves(*compiled.route, method)) continue;
      if (matches(compiled, candidates[c], &result.path_params)) {
        result.route = compiled.route;
        result.suffix_format = formats[c];
        return result;
      }
    }
  }
  for (const auto& candidate : candidates) {
    for (const Compiled& compiled : routes_) {
      if (!matches(compiled, candidate, nullptr)) continue;
      for (const http::verb allowed : {compiled.route->method, http::verb::head}) {
        if (!serves(*compiled.route, allowed)) continue;
        if (std::find(result.allowed.begin(), result.allowed.end(), allowed) ==
            result.allowed.end())
          result.allowed.push_back(allowed);
      }
    }
  }
  return result;
}

}  // namespace projectd
