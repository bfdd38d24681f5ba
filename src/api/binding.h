// Request binding every resource shares: the wrapper context, route ids, people parameters and the
// `simple` mode (docs/wire-compatibility.md, "Parameter sources" and "Objects"). Resource-specific
// binding lives beside its resource (api/projects/project_binding.h, api/projects/task_params.h,
// ...).
#pragma once

#include "api/api_env.h"
#include "api/people/employee_wrappers.h"
#include "http/handler.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace projectd {

WrapContext wrap_context(ApiEnv& env, const RequestContext& request);

// The route's numeric id (the router guarantees digits); 404 when it does not fit an id.
std::int64_t route_id(const Params& params, std::string_view key);
// A required GUID: 400 naming the key when absent, empty or malformed.
std::string required_guid(const Params& params, std::string_view key);
// A person parameter where the all-zero GUID, which .NET clients send for "not set", is absent.
std::optional<std::string> optional_person(const Params& params, std::string_view key);
// A GUID list without the all-zero GUID; nullopt when not sent.
std::optional<std::vector<std::string>> people_list(const Params& params, std::string_view key);

// `simple` sent with any value except false/0 (the original: any value) asks for ids instead of
// person objects.
bool simple_mode(const Params& params);

}  // namespace projectd
