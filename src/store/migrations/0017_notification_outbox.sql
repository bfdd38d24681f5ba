-- The notification outbox (issue 18; docs/notifications.md, store/outbox_repos.h).
-- A change that notifies writes one change_events row in its own transaction; the outbox worker
-- fans each event out into deliveries (and removes it) in one transaction, then sends them.
CREATE TABLE change_events (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,  -- commit order; never reused
  type       TEXT NOT NULL,        -- "task.created"...
  actor_id   TEXT NOT NULL,        -- who made the change; '' for the server itself
  project_id INTEGER,              -- no foreign key: the event outlives a deleted project
  entity_id  BIGINT NOT NULL,
  data       TEXT NOT NULL,        -- a JSON object
  created    BIGINT NOT NULL
);

-- One message to one person, or one call to one webhook endpoint.
CREATE TABLE deliveries (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,  -- order of sending per target; never reused
  channel       TEXT NOT NULL,        -- 'mail' or 'webhook'
  target        TEXT NOT NULL,        -- a user id or address; a webhook endpoint id
  event_id      BIGINT,               -- the change_events id it came from (gone by then)
  event_type    TEXT NOT NULL,
  key           TEXT NOT NULL UNIQUE, -- stable across resends: Message-ID, delivery id
  payload       TEXT NOT NULL,
  created       BIGINT NOT NULL,
  state         INTEGER NOT NULL DEFAULT 0,  -- 0 pending, 1 delivered, 2 failed for good
  attempts      INTEGER NOT NULL DEFAULT 0,
  next_attempt  BIGINT NOT NULL,
  claimed_until BIGINT,               -- a sender holds it until then
  last_error    TEXT,
  delivered     BIGINT
);
-- What is due, per channel (pending rows only: the table keeps finished ones for a while).
CREATE INDEX deliveries_due ON deliveries (channel, next_attempt) WHERE state = 0;
-- A target's deliveries in order (the deliveries list).
CREATE INDEX deliveries_by_target ON deliveries (channel, target, id);
-- The oldest pending delivery of each target (webhook order), without reading finished rows.
CREATE INDEX deliveries_pending ON deliveries (channel, target, id) WHERE state = 0;
CREATE INDEX deliveries_created ON deliveries (created);
