// ObjectWrapperBase of the original: the small object tags and templates are answered as, with
// its members in the original's order (id, title, description, status, responsible).
// Thread safety: a pure function.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace projectd {

// `description` null when absent; `status` 0 and `responsible` null, as the original writes them
// for a tag or a template.
boost::json::object object_wrapper_base(std::int64_t id, const std::string& title,
                                        const std::optional<std::string>& description);

}  // namespace projectd
