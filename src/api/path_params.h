// Path parameters are declared once, by the route's pattern (docs/adding-an-endpoint.md): each
// `{name}` or `{name:int}` of a pattern is documented from the pattern itself (in path, required,
// integer for `:int`) with the one description this file keeps for that name, the same on every
// route. A route never lists a path parameter among its ParamDocs (RouteGroup::add refuses it).
// Thread safety: pure functions.
#pragma once

#include "http/route.h"

#include <string_view>
#include <vector>

namespace projectd {

// The path parameters of `pattern`, in their order. Throws std::logic_error naming the pattern
// when a parameter has no description here: the route table is built at start-up and by the
// OpenAPI tests, so a new name cannot ship undocumented.
std::vector<ParamDoc> path_param_docs(std::string_view pattern);

}  // namespace projectd
