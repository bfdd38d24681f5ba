// PostgreSQL's schema migrations (src/store/postgres/migrations/NNNN_name.sql), compiled into the
// binary in order.
#pragma once

#include "store/migrations.h"

#include <span>

namespace projectd {

// The same numbers and names as all_migrations(), in PostgreSQL's SQL, so both stores reach the
// same schema version by the same steps.
std::span<const Migration> postgres_migrations();

}  // namespace projectd
