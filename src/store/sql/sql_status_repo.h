// StatusRepo on one SQLite connection. update of an unknown id throws ApiError(kNotFound); remove
// of an unknown id does nothing. Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/sql/sql_connection.h"
#include "store/status_repo.h"

namespace projectd {

class SqlStatusRepo final : public StatusRepo {
 public:
  explicit SqlStatusRepo(SqlConnection& connection) : connection_(connection) {}
  std::vector<CustomStatusRecord> all() override;
  std::optional<CustomStatusRecord> by_id(std::int64_t id) override;
  std::int64_t insert(const CustomStatusRecord& status) override;
  void update(const CustomStatusRecord& status) override;
  void remove(std::int64_t id) override;
  std::int64_t in_use(std::int64_t id) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
