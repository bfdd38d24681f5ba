-- PostgreSQL spelling of src/store/migrations/0008_groups_and_photos.sql; keep both in step.
-- People groups (the original's departments: GroupApi, the `departament` filters), deleted people
-- and profile photos.

-- A deleted person stays a row, as in the original (its core_user.removed), so the tasks,
-- projects and comments that name them keep a valid reference; every directory query leaves
-- removed rows out, and their email and user name are free for someone new.
ALTER TABLE users ADD COLUMN removed bigint NOT NULL DEFAULT 0;
DROP INDEX users_email;
DROP INDEX users_user_name;
CREATE UNIQUE INDEX users_email ON users (lower((email) COLLATE "C")) WHERE removed = 0;
CREATE UNIQUE INDEX users_user_name ON users (lower((user_name) COLLATE "C")) WHERE removed = 0;

CREATE TABLE people_groups (
  id         text PRIMARY KEY,  -- lowercase GUID, as the original's group ids
  name       text NOT NULL,
  manager_id text REFERENCES users (id),
  created    bigint NOT NULL
);
CREATE INDEX people_groups_name ON people_groups (name, id);
CREATE INDEX people_groups_manager ON people_groups (manager_id);

CREATE TABLE group_members (
  group_id text NOT NULL REFERENCES people_groups (id) ON DELETE CASCADE,
  user_id  text NOT NULL REFERENCES users (id),
  PRIMARY KEY (group_id, user_id)
);
-- The `departament` filters go from a person to their groups.
CREATE INDEX group_members_user ON group_members (user_id, group_id);

-- An uploaded photo: one row per size (`original`, `retina`, `max`, `big`, `medium`, `small`), each
-- a content of the blob store (its SHA-256). No row: the generated default avatar.
CREATE TABLE user_photos (
  user_id text NOT NULL REFERENCES users (id),
  size    text NOT NULL,
  sha256  text NOT NULL,
  bytes   bigint NOT NULL,
  mime    text NOT NULL,
  PRIMARY KEY (user_id, size)
);
-- The blob sweeper asks whether a content is still referenced (FileRepo::content_referenced).
CREATE INDEX user_photos_sha256 ON user_photos (sha256);
