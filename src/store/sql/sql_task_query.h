// The SQL text of the task filter's page query, for the plan guard of its tests.
#pragma once

#include "store/project_records.h"
#include "store/sql/sql_dialect.h"

#include <string>

namespace projectd {

// The statement SqlTaskRepo::page(query) prepares (parameters unbound).
std::string task_page_sql(const TaskQuery& query, const SqlDialect& dialect);

}  // namespace projectd
