// OutboxRepo (store/outbox_repos.h) on one connection, for SQLite and PostgreSQL.
// Thread safety: as the connection's: one thread at a time.
#pragma once

#include "store/outbox_repos.h"
#include "store/sql/sql_connection.h"

namespace projectd {

class SqlOutboxRepo final : public OutboxRepo {
 public:
  explicit SqlOutboxRepo(SqlConnection& connection) : connection_(connection) {}
  std::int64_t add_event(const ChangeEventRecord& event) override;
  bool lock_fanout() override;
  std::vector<ChangeEventRecord> oldest_events(std::int64_t limit) override;
  bool has_events() override;
  void remove_events(const std::vector<std::int64_t>& ids) override;
  std::int64_t add_delivery(const DeliveryRecord& delivery) override;
  bool has_due(std::string_view channel, Timestamp now) override;
  std::vector<DeliveryRecord> claim_due(std::string_view channel, Timestamp now,
                                        Timestamp lease_until, std::int64_t limit,
                                        bool in_order_per_target) override;
  void mark_delivered(std::int64_t id, Timestamp at) override;
  void mark_retry(std::int64_t id, Timestamp next_attempt, std::string_view error) override;
  void mark_failed(std::int64_t id, std::string_view error) override;
  std::optional<DeliveryRecord> delivery(std::int64_t id) override;
  std::vector<DeliveryRecord> deliveries_of(std::string_view channel, std::string_view target,
                                            std::int64_t offset, std::int64_t limit) override;
  bool redeliver(std::int64_t id, Timestamp now) override;
  void reschedule_target(std::string_view channel, std::string_view target,
                         Timestamp next_attempt) override;
  std::int64_t pending_count() override;
  void remove_finished_before(Timestamp before) override;

 private:
  // Tries the transaction lock `key` (sql_dialect.h); true when taken or when the database needs
  // none.
  bool try_lock(std::int64_t key);

  SqlConnection& connection_;
};

}  // namespace projectd
