-- PostgreSQL spelling of src/store/migrations/0013_trash.sql; keep both in step.
-- The trash (issue 16): each person's recycle bin is a root folder of its own kind (4), made on
-- first need, owned by the person. A deleted file or folder is moved into the trash of whoever
-- deleted it; the entry moved (not what is below a trashed folder) remembers when and from which
-- folder. A file in the trash is attached to nothing: its attachments wait in trashed_attachments
-- until it is restored (re-attached where still allowed) or deleted for good (they go with it).

ALTER TABLE files ADD COLUMN trashed_at bigint;
ALTER TABLE files ADD COLUMN trashed_from bigint;  -- the folder it was in; no key: it may go
ALTER TABLE folders ADD COLUMN trashed_at bigint;
ALTER TABLE folders ADD COLUMN trashed_from bigint;
-- One trash per person; the auto clean-up finds what a trash has held long enough.
CREATE UNIQUE INDEX folders_trash ON folders (owner_id) WHERE kind = 4;
CREATE INDEX files_trashed ON files (trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX folders_trashed ON folders (trashed_at) WHERE trashed_at IS NOT NULL;

CREATE TABLE trashed_attachments (
  file_id     bigint NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  entity_kind bigint NOT NULL,
  entity_id   bigint NOT NULL,
  attached    bigint NOT NULL,
  attached_by text NOT NULL,
  PRIMARY KEY (file_id, entity_kind, entity_id)
);
