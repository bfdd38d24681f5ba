// Webhook endpoints (sql_webhook_repo.h, migration 0018).
#include "store/sql/sql_webhook_repo.h"

#include "store/sql/sql_statement.h"

#include <string>

namespace projectd {
namespace {

constexpr const char* kWebhookColumns =
    "id, url, secret, events, enabled, created_by, created, failure_streak, disabled_reason, "
    "disabled_at";

WebhookRecord webhook_row(const SqlStatement& row) {
  return WebhookRecord{.id = row.int64(0),
                       .url = row.text(1),
                       .secret = row.text(2),
                       .events = row.text(3),
                       .enabled = row.int64(4) != 0,
                       .created_by = row.text(5),
                       .created = row.timestamp(6),
                       .failure_streak = row.int64(7),
                       .disabled_reason = row.optional_text(8),
                       .disabled_at = row.optional_timestamp(9)};
}

}  // namespace

std::vector<WebhookRecord> SqlWebhookRepo::all() {
  SqlStatement rows =
      connection_.prepare(std::string("SELECT ") + kWebhookColumns + " FROM webhooks ORDER BY id");
  std::vector<WebhookRecord> out;
  while (rows.step())
    out.push_back(webhook_row(rows));
  return out;
}

std::optional<WebhookRecord> SqlWebhookRepo::by_id(std::int64_t id) {
  SqlStatement row = connection_.prepare(std::string("SELECT ") + kWebhookColumns +
                                         " FROM webhooks WHERE id = ?1");
  row.bind_all(id);
  if (!row.step()) return std::nullopt;
  return webhook_row(row);
}

std::int64_t SqlWebhookRepo::insert(const WebhookRecord& w) {
  return connection_
      .prepare(
          "INSERT INTO webhooks (url, secret, events, enabled, created_by, created, "
          "failure_streak, disabled_reason, disabled_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
          "?9) RETURNING id")
      .bind_all(w.url, w.secret, w.events, w.enabled, w.created_by, w.created, w.failure_streak,
                w.disabled_reason, w.disabled_at)
      .run_returning_id();
}

void SqlWebhookRepo::update(const WebhookRecord& w) {
  connection_
      .prepare(
          "UPDATE webhooks SET url = ?2, events = ?3, enabled = ?4, failure_streak = ?5, "
          "disabled_reason = ?6, disabled_at = ?7 WHERE id = ?1")
      .bind_all(w.id, w.url, w.events, w.enabled, w.failure_streak, w.disabled_reason,
                w.disabled_at)
      .run();
}

bool SqlWebhookRepo::remove(std::int64_t id) {
  connection_.prepare("DELETE FROM webhooks WHERE id = ?1").bind_all(id).run();
  return connection_.changes() > 0;
}

std::int64_t SqlWebhookRepo::delivery_count(std::int64_t id) {
  SqlStatement row = connection_.prepare(
      "SELECT count(*) FROM deliveries WHERE channel = 'webhook' AND target = ?1");
  row.bind_all(std::to_string(id));
  return row.step() ? row.int64(0) : 0;
}

std::int64_t SqlWebhookRepo::count_outcome(std::int64_t id, bool success) {
  connection_
      .prepare(success ? "UPDATE webhooks SET failure_streak = 0 WHERE id = ?1"
                       : "UPDATE webhooks SET failure_streak = failure_streak + 1 WHERE id = ?1")
      .bind_all(id)
      .run();
  SqlStatement row = connection_.prepare("SELECT failure_streak FROM webhooks WHERE id = ?1");
  row.bind_all(id);
  return row.step() ? row.int64(0) : 0;
}

}  // namespace projectd
