-- PostgreSQL spelling of src/store/migrations/0017_notification_outbox.sql; keep both in step.
-- The notification outbox (issue 18; docs/notifications.md, store/outbox_repos.h).
-- A change that notifies writes one change_events row in its own transaction; the outbox worker
-- fans each event out into deliveries (and removes it) in one transaction, then sends them.
-- Publishers take an advisory transaction lock before their INSERT, so ids follow commit order.
CREATE TABLE change_events (
  id         bigserial PRIMARY KEY,  -- commit order
  type       text NOT NULL,          -- "task.created"...
  actor_id   text NOT NULL,          -- who made the change; '' for the server itself
  project_id bigint,                 -- no foreign key: the event outlives a deleted project
  entity_id  bigint NOT NULL,
  data       text NOT NULL,          -- a JSON object
  created    bigint NOT NULL
);

-- One message to one person, or one call to one webhook endpoint.
CREATE TABLE deliveries (
  id            bigserial PRIMARY KEY,  -- the order of sending per target
  channel       text NOT NULL,          -- 'mail' or 'webhook'
  target        text NOT NULL,          -- a user id or address; a webhook endpoint id
  event_id      bigint,                 -- the change_events id it came from (gone by then)
  event_type    text NOT NULL,
  key           text NOT NULL UNIQUE,   -- stable across resends: Message-ID, delivery id
  payload       text NOT NULL,
  created       bigint NOT NULL,
  state         bigint NOT NULL DEFAULT 0,  -- 0 pending, 1 delivered, 2 failed for good
  attempts      bigint NOT NULL DEFAULT 0,
  next_attempt  bigint NOT NULL,
  claimed_until bigint,                 -- a sender holds it until then
  last_error    text,
  delivered     bigint
);
-- What is due, per channel (pending rows only: the table keeps finished ones for a while).
CREATE INDEX deliveries_due ON deliveries (channel, next_attempt) WHERE state = 0;
-- A target's deliveries in order (the deliveries list).
CREATE INDEX deliveries_by_target ON deliveries (channel, target, id);
-- The oldest pending delivery of each target (webhook order), without reading finished rows.
CREATE INDEX deliveries_pending ON deliveries (channel, target, id) WHERE state = 0;
CREATE INDEX deliveries_created ON deliveries (created);
