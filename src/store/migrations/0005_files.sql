-- Documents: folders gain their root, files and their versions (contents named by SHA-256 and kept
-- in the blob store), attachments of files to tasks and discussions, and the attach audit.

-- Every folder knows the root of its tree, so the permission of a file is one join away.
ALTER TABLE folders ADD COLUMN root_id INTEGER;
ALTER TABLE folders ADD COLUMN root_kind INTEGER NOT NULL DEFAULT 0;
UPDATE folders SET root_id = id, root_kind = kind WHERE parent_id IS NULL;
-- Subfolders could not be made before this version; settle any anyway, level by level.
WITH RECURSIVE tree (id, root_id, root_kind) AS (
  SELECT id, id, kind FROM folders WHERE parent_id IS NULL
  UNION ALL
  SELECT f.id, t.root_id, t.root_kind FROM folders f JOIN tree t ON f.parent_id = t.id
)
UPDATE folders SET root_id = (SELECT root_id FROM tree WHERE tree.id = folders.id),
                   root_kind = (SELECT root_kind FROM tree WHERE tree.id = folders.id)
WHERE parent_id IS NOT NULL;
CREATE INDEX folders_root ON folders (root_id);
-- Folder lists sort by title ignoring ASCII case, then id (FolderRepo::children); the index also
-- serves parent_id's cascade and the title lookups.
DROP INDEX folders_parent;
CREATE INDEX folders_parent ON folders (parent_id, title COLLATE NOCASE, id);
CREATE UNIQUE INDEX folders_common ON folders (kind) WHERE kind = 2;

-- The one @common folder, made by the system user (the all-zero GUID).
INSERT INTO folders (parent_id, kind, owner_id, project_id, title, created, created_by, updated,
                     updated_by, root_kind)
VALUES (NULL, 2, NULL, NULL, 'Common Documents', 0, '00000000-0000-0000-0000-000000000000', 0,
        '00000000-0000-0000-0000-000000000000', 2);
UPDATE folders SET root_id = id WHERE kind = 2;

CREATE TABLE files (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  folder_id       INTEGER NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
  title           TEXT NOT NULL,
  extension       TEXT NOT NULL,  -- lowercase, with the dot; '' when none (filterType)
  current_version INTEGER NOT NULL DEFAULT 1,
  created         BIGINT NOT NULL,
  created_by      TEXT NOT NULL,
  updated         BIGINT NOT NULL,
  updated_by      TEXT NOT NULL
);
CREATE INDEX files_folder ON files (folder_id, title COLLATE NOCASE, id);

CREATE TABLE file_versions (
  file_id    INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  version    INTEGER NOT NULL,
  sha256     TEXT NOT NULL,
  size       BIGINT NOT NULL,
  comment    TEXT,
  created    BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  PRIMARY KEY (file_id, version)
);
-- Is a content still used? (the blob sweeper asks after deletes)
CREATE INDEX file_versions_content ON file_versions (sha256);

-- entity_kind: 2 task, 6 discussion (the original's EntityType). No foreign key to the entity:
-- the services detach (with audit records) before deleting a task or discussion; the triggers
-- below clean up after cascades that bypass them (a deleted project).
CREATE TABLE entity_files (
  entity_kind INTEGER NOT NULL,
  entity_id   INTEGER NOT NULL,
  file_id     INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  attached    BIGINT NOT NULL,
  attached_by TEXT NOT NULL,
  PRIMARY KEY (entity_kind, entity_id, file_id)
);
CREATE INDEX entity_files_file ON entity_files (file_id);

CREATE TRIGGER tasks_drop_attachments AFTER DELETE ON tasks BEGIN
  DELETE FROM entity_files WHERE entity_kind = 2 AND entity_id = OLD.id;
END;
CREATE TRIGGER messages_drop_attachments AFTER DELETE ON messages BEGIN
  DELETE FROM entity_files WHERE entity_kind = 6 AND entity_id = OLD.id;
END;

-- Outlives tasks, discussions and files: no foreign keys, the file's title is copied.
CREATE TABLE entity_file_audit (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_kind INTEGER NOT NULL,
  entity_id   INTEGER NOT NULL,
  file_id     INTEGER NOT NULL,
  file_title  TEXT NOT NULL,
  action      INTEGER NOT NULL,  -- 1 attach, 2 detach
  reason      TEXT NOT NULL DEFAULT '',
  user_id     TEXT NOT NULL,
  at          BIGINT NOT NULL
);
CREATE INDEX entity_file_audit_entity ON entity_file_audit (entity_kind, entity_id, id);

-- Everyone who is not a guest has an @my folder; new people get theirs when they are added.
INSERT INTO folders (parent_id, kind, owner_id, project_id, title, created, created_by, updated,
                     updated_by, root_kind)
SELECT NULL, 1, id, NULL, 'My Documents', created, id, created, id, 1 FROM users u
WHERE is_visitor = 0 AND NOT EXISTS (SELECT 1 FROM folders WHERE kind = 1 AND owner_id = u.id);
UPDATE folders SET root_id = id WHERE kind = 1 AND root_id IS NULL;
