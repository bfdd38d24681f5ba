// The web app's files, built into the binary by cmake/build_web_app.cmake (docs/web-app.md):
// index.html, and the bundles under assets/ named by their content's hash. Immutable data.
#pragma once

#include <span>
#include <string_view>

namespace projectd {

struct WebAsset {
  std::string_view path;  // "index.html", or "assets/app.<hash>.js"
  std::string_view content_type;
  std::string_view identity;
  std::string_view gzip;    // empty when gzip would not make it smaller
  std::string_view brotli;  // likewise
  std::string_view etag;    // unquoted; a prefix of the identity bytes' SHA-256
};

std::span<const WebAsset> web_assets();

}  // namespace projectd
