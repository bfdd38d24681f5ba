-- Comments on tasks and discussions, and discussions (the original's "messages") with their
-- participants. Comment ids are GUIDs as in the original; content is sanitised HTML.
CREATE TABLE comments (
  id          TEXT PRIMARY KEY,            -- lowercase GUID
  entity_type INTEGER NOT NULL,            -- EntityType: 2 task, 6 message
  entity_id   INTEGER NOT NULL,
  parent_id   TEXT,                        -- the comment answered; NULL at the top level
  content     TEXT NOT NULL,
  inactive    INTEGER NOT NULL DEFAULT 0,  -- soft-deleted
  created     BIGINT NOT NULL,
  created_by  TEXT NOT NULL REFERENCES users (id),
  updated     BIGINT NOT NULL
);
CREATE INDEX comments_entity ON comments (entity_type, entity_id, created);

CREATE TABLE messages (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  title      TEXT NOT NULL,
  content    TEXT NOT NULL,
  created    BIGINT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  updated    BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX messages_project ON messages (project_id, created, id);
CREATE INDEX messages_created ON messages (created, id);

CREATE TABLE message_participants (
  message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (message_id, user_id)
);

-- A comment belongs to a task or a message by type and id, which no foreign key can express:
-- these triggers remove the comments with their entity, also when a project's deletion
-- cascades to it.
CREATE TRIGGER tasks_delete_comments AFTER DELETE ON tasks BEGIN
  DELETE FROM comments WHERE entity_type = 2 AND entity_id = OLD.id;
END;
CREATE TRIGGER messages_delete_comments AFTER DELETE ON messages BEGIN
  DELETE FROM comments WHERE entity_type = 6 AND entity_id = OLD.id;
END;
