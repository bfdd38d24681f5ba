// An OpenAPI 3 document generated from the route table, so the published contract can never drift
// from what the router serves.
#pragma once

#include "http/route.h"

#include <boost/json/object.hpp>

namespace projectd {

boost::json::object openapi_document(const RouteTable& table);

}  // namespace projectd
