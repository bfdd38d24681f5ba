// WebhookRepo (store/webhook_repos.h) on one connection, for SQLite and PostgreSQL.
// Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/sql/sql_connection.h"
#include "store/webhook_repos.h"

namespace projectd {

class SqlWebhookRepo final : public WebhookRepo {
 public:
  explicit SqlWebhookRepo(SqlConnection& connection) : connection_(connection) {}
  std::vector<WebhookRecord> all() override;
  std::optional<WebhookRecord> by_id(std::int64_t id) override;
  std::int64_t insert(const WebhookRecord& webhook) override;
  void update(const WebhookRecord& webhook) override;
  bool remove(std::int64_t id) override;
  std::int64_t delivery_count(std::int64_t id) override;
  std::int64_t count_outcome(std::int64_t id, bool success) override;

 private:
  SqlConnection& connection_;
};

}  // namespace projectd
