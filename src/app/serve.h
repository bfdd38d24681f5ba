// `projectd serve`: opens the store, makes sure an administrator exists, wires the services, the
// routes and the HTTP server, and runs until SIGTERM or SIGINT.
#pragma once

#include "app/config.h"

namespace projectd {

int run_serve(const ServeConfig& config);

}  // namespace projectd
