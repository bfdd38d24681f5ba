// The JSON text of a response, as compact as Boost.JSON's serializer and the same for everything
// but doubles: Boost.JSON writes 0.0 as `0E0` and 1.5 as `1.5E0`, while the original (Json.NET)
// writes `0.0` and `1.5`, and clients that read `timeSpend` or `hours` with a pattern expect that.
// Thread safety: reentrant.
#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace projectd {

std::string to_api_json(const boost::json::value& value);

}  // namespace projectd
