-- Signed webhooks (issue 18; docs/notifications.md "## Webhooks", store/webhook_repos.h).
-- One row per registered endpoint; its deliveries are outbox rows (channel 'webhook', target =
-- this id as text).
CREATE TABLE webhooks (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: deliveries name it
  url             TEXT NOT NULL,
  secret          TEXT NOT NULL,           -- the HMAC key; shown once, at registration
  events          TEXT NOT NULL,           -- a JSON list of patterns ("task.*", "*"...)
  enabled         INTEGER NOT NULL DEFAULT 1,
  created_by      TEXT NOT NULL,           -- the registering administrator: payloads are built as them
  created         BIGINT NOT NULL,
  failure_streak  INTEGER NOT NULL DEFAULT 0,  -- failed attempts in a row
  disabled_reason TEXT,
  disabled_at     BIGINT
);
