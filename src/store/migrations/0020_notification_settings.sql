-- Turning notifications off (issue 18; docs/notifications.md, "Turning notifications off").
-- One row per person and kind they set; a kind without a row is on.
CREATE TABLE notification_settings (
  user_id TEXT NOT NULL REFERENCES users (id),
  kind    TEXT NOT NULL,     -- 'assigned', 'status', 'comments', 'files', 'discussions', 'milestones'
  enabled INTEGER NOT NULL,  -- 1 on, 0 off
  PRIMARY KEY (user_id, kind)
);

-- Secrets of the portal that every node shares (the unsubscribe links' HMAC key), made on first
-- use by the node that needs one.
CREATE TABLE portal_secrets (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
