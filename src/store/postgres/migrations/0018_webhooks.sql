-- PostgreSQL spelling of src/store/migrations/0018_webhooks.sql; keep both in step.
-- Signed webhooks (issue 18; docs/notifications.md "## Webhooks", store/webhook_repos.h).
CREATE TABLE webhooks (
  id              bigserial PRIMARY KEY,
  url             text NOT NULL,
  secret          text NOT NULL,
  events          text NOT NULL,
  enabled         integer NOT NULL DEFAULT 1,
  created_by      text NOT NULL,
  created         bigint NOT NULL,
  failure_streak  integer NOT NULL DEFAULT 0,
  disabled_reason text,
  disabled_at     bigint
);
