-- Custom task statuses (the original's CustomTaskStatus, docs/wire-compatibility.md,
-- "Enumerations"). The built-in defaults -1 (Open) and -2 (Closed) are not rows: they are
-- constants of the domain and cannot change.
-- tasks.custom_status_id (0002) refers to a row here; a status in use cannot be deleted, so the
-- reference is checked by the domain rather than a foreign key the old table cannot gain.
CREATE TABLE custom_statuses (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  title       TEXT NOT NULL,
  description TEXT,
  image       TEXT,
  image_type  TEXT,
  color       TEXT,
  sort_order  INTEGER NOT NULL DEFAULT 0,
  status_type INTEGER NOT NULL,                -- 1 open, 2 closed
  available   INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX custom_statuses_order ON custom_statuses (sort_order, id);
CREATE INDEX tasks_custom_status ON tasks (custom_status_id);
