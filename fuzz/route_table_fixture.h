// The server's real route table for the fuzz targets. Registering the routes needs the domain
// services, so they are built once per process on a throwaway SQLite store and blob directory in a
// fresh temporary directory (removed at exit); no handler is ever called.
// Thread safety: the first call builds it (a function-local static); later calls only read.
#pragma once

#include "http/route.h"
#include "http/router.h"

namespace projectd::fuzz {

const RouteTable& route_table();
const Router& router();

}  // namespace projectd::fuzz
