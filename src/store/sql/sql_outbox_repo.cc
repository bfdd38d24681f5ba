// The notification outbox (sql_outbox_repo.h, migration 0017).
#include "store/sql/sql_outbox_repo.h"

#include "store/sql/sql_bound_values.h"
#include "store/sql/sql_statement.h"

#include <string>

namespace projectd {
namespace {

// The fan-out's advisory lock number (PostgreSQL's; arbitrary but fixed, "pd" + n). 0x7064'0001
// was the publishers' lock, which migration 0024 made unneeded.
constexpr std::int64_t kFanoutLock = 0x7064'0002;

constexpr const char* kDeliveryColumns =
    "id, channel, target, event_id, event_type, key, payload, created, state, attempts, "
    "next_attempt, claimed_until, last_error, delivered";

DeliveryRecord outbox_delivery_row(const SqlStatement& row) {
  return DeliveryRecord{.id = row.int64(0),
                        .channel = row.text(1),
                        .target = row.text(2),
                        .event_id = row.optional_int64(3),
                        .event_type = row.text(4),
                        .key = row.text(5),
                        .payload = row.text(6),
                        .created = row.timestamp(7),
                        .state = static_cast<DeliveryState>(row.int64(8)),
                        .attempts = row.int64(9),
                        .next_attempt = row.timestamp(10),
                        .claimed_until = row.optional_timestamp(11),
                        .last_error = row.optional_text(12),
                        .delivered = row.optional_timestamp(13)};
}

std::vector<DeliveryRecord> outbox_delivery_rows(SqlStatement& rows) {
  std::vector<DeliveryRecord> out;
  while (rows.step())
    out.push_back(outbox_delivery_row(rows));
  return out;
}

}  // namespace

bool SqlOutboxRepo::try_lock(std::int64_t key) {
  const std::string sql = connection_.dialect().try_transaction_lock();
  if (sql.empty()) return true;
  SqlStatement lock = connection_.prepare(sql);
  lock.bind_all(key);
  return lock.step() && lock.int64(0) == 1;
}

std::int64_t SqlOutboxRepo::add_event(const ChangeEventRecord& e) {
  return connection_
      .prepare(
          "INSERT INTO change_events (type, actor_id, project_id, entity_id, data, created) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id")
      .bind_all(e.type, e.actor_id, e.project_id, e.entity_id, e.data, e.created)
      .run_returning_id();
}

bool SqlOutboxRepo::lock_fanout() {
  return try_lock(kFanoutLock);
}

std::vector<ChangeEventRecord> SqlOutboxRepo::oldest_events(std::int64_t limit) {
  SqlStatement rows = connection_.prepare(
      "SELECT id, type, actor_id, project_id, entity_id, data, created FROM change_events" +
      connection_.dialect().settled_events() + " LIMIT ?1");
  rows.bind_all(limit);
  std::vector<ChangeEventRecord> out;
  while (rows.step())
    out.push_back(ChangeEventRecord{.id = rows.int64(0),
                                    .type = rows.text(1),
                                    .actor_id = rows.text(2),
                                    .project_id = rows.optional_int64(3),
                                    .entity_id = rows.int64(4),
                                    .data = rows.text(5),
                                    .created = rows.timestamp(6)});
  return out;
}

bool SqlOutboxRepo::has_events() {
  SqlStatement row = connection_.prepare("SELECT 1 FROM change_events LIMIT 1");
  return row.step();
}

void SqlOutboxRepo::remove_events(const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return;
  connection_
      .prepare("DELETE FROM change_events WHERE " +
               connection_.dialect().in_ids("id", 1, ids.size()))
      .bind_all(ids_value(ids))
      .run();
}

std::int64_t SqlOutboxRepo::add_delivery(const DeliveryRecord& d) {
  return connection_
      .prepare(
          "INSERT INTO deliveries (channel, target, event_id, event_type, key, payload, created, "
          "state, attempts, next_attempt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, 0, ?8) "
          "RETURNING id")
      .bind_all(d.channel, d.target, d.event_id, d.event_type, d.key, d.payload, d.created,
                d.next_attempt)
      .run_returning_id();
}

bool SqlOutboxRepo::has_due(std::string_view channel, Timestamp now) {
  SqlStatement row = connection_.prepare(
      "SELECT 1 FROM deliveries WHERE channel = ?1 AND state = 0 AND next_attempt <= ?2 "
      "AND (claimed_until IS NULL OR claimed_until <= ?2) LIMIT 1");
  row.bind_all(channel, now);
  return row.step();
}

std::vector<DeliveryRecord> SqlOutboxRepo::claim_due(std::string_view channel, Timestamp now,
                                                     Timestamp lease_until, std::int64_t limit,
                                                     bool in_order_per_target) {
  std::string sql = std::string("SELECT ") + kDeliveryColumns +
                    " FROM deliveries WHERE channel = ?1 AND state = 0 AND next_attempt <= ?2 "
                    "AND (claimed_until IS NULL OR claimed_until <= ?2)";
  // A later delivery of a target waits while an earlier one is pending (claimed or not): only the
  // oldest pending delivery of each target is a candidate. One pass over the partial index
  // deliveries_pending (pending rows only), whatever the number of delivered ones; a NOT EXISTS
  // per candidate instead cost a scan of every pending row per claim (quadratic in the backlog).
  if (in_order_per_target)
    sql +=
        " AND id IN (SELECT min(id) FROM deliveries WHERE channel = ?1 AND state = 0 "
        "GROUP BY target)";
  sql += " ORDER BY id LIMIT ?3" + connection_.dialect().claim_rows();
  SqlStatement rows = connection_.prepare(sql);
  rows.bind_all(channel, now, limit);
  std::vector<DeliveryRecord> claimed = outbox_delivery_rows(rows);
  for (DeliveryRecord& d : claimed) {
    connection_.prepare("UPDATE deliveries SET claimed_until = ?2 WHERE id = ?1")
        .bind_all(d.id, lease_until)
        .run();
    d.claimed_until = lease_until;
  }
  return claimed;
}

void SqlOutboxRepo::mark_delivered(std::int64_t id, Timestamp at) {
  connection_
      .prepare(
          "UPDATE deliveries SET state = 1, attempts = attempts + 1, delivered = ?2, "
          "claimed_until = NULL WHERE id = ?1")
      .bind_all(id, at)
      .run();
}

void SqlOutboxRepo::mark_retry(std::int64_t id, Timestamp next_attempt, std::string_view error) {
  connection_
      .prepare(
          "UPDATE deliveries SET attempts = attempts + 1, next_attempt = ?2, last_error = ?3, "
          "claimed_until = NULL WHERE id = ?1")
      .bind_all(id, next_attempt, error)
      .run();
}

void SqlOutboxRepo::mark_failed(std::int64_t id, std::string_view error) {
  connection_
      .prepare(
          "UPDATE deliveries SET state = 2, attempts = attempts + 1, last_error = ?2, "
          "claimed_until = NULL WHERE id = ?1")
      .bind_all(id, error)
      .run();
}

std::optional<DeliveryRecord> SqlOutboxRepo::delivery(std::int64_t id) {
  SqlStatement row = connection_.prepare(std::string("SELECT ") + kDeliveryColumns +
                                         " FROM deliveries WHERE id = ?1");
  row.bind_all(id);
  if (!row.step()) return std::nullopt;
  return outbox_delivery_row(row);
}

std::vector<DeliveryRecord> SqlOutboxRepo::deliveries_of(std::string_view channel,
                                                         std::string_view target,
                                                         std::int64_t offset, std::int64_t limit) {
  SqlStatement rows = connection_.prepare(
      std::string("SELECT ") + kDeliveryColumns +
      " FROM deliveries WHERE channel = ?1 AND target = ?2 ORDER BY id DESC LIMIT ?3 OFFSET ?4");
  rows.bind_all(channel, target, limit, offset);
  return outbox_delivery_rows(rows);
}

bool SqlOutboxRepo::redeliver(std::int64_t id, Timestamp now) {
  connection_
      .prepare(
          "UPDATE deliveries SET state = 0, attempts = 0, next_attempt = ?2, claimed_until = NULL, "
          "delivered = NULL WHERE id = ?1")
      .bind_all(id, now)
      .run();
  return connection_.changes() > 0;
}

void SqlOutboxRepo::reschedule_target(std::string_view channel, std::string_view target,
                                      Timestamp next_attempt) {
  connection_
      .prepare(
          "UPDATE deliveries SET next_attempt = ?3 WHERE channel = ?1 AND target = ?2 AND "
          "state = 0")
      .bind_all(channel, target, next_attempt)
      .run();
}

std::int64_t SqlOutboxRepo::pending_count() {
  SqlStatement row = connection_.prepare(
      "SELECT (SELECT count(*) FROM deliveries WHERE state = 0) + "
      "(SELECT count(*) FROM change_events)");
  return row.step() ? row.int64(0) : 0;
}

void SqlOutboxRepo::remove_finished_before(Timestamp before) {
  connection_.prepare("DELETE FROM deliveries WHERE state <> 0 AND created < ?1")
      .bind_all(before)
      .run();
}

}  // namespace projectd
