-- The trash (issue 16): each person's recycle bin is a root folder of its own kind (4), made on
-- first need, owned by the person. A deleted file or folder is moved into the trash of whoever
-- deleted it; the entry moved (not what is below a trashed folder) remembers when and from which
-- folder. A file in the trash is attached to nothing: its attachments wait in trashed_attachments
-- until it is restored (re-attached where still allowed) or deleted for good (they go with it).

ALTER TABLE files ADD COLUMN trashed_at BIGINT;
ALTER TABLE files ADD COLUMN trashed_from INTEGER;  -- the folder it was in; no key: it may go
ALTER TABLE folders ADD COLUMN trashed_at BIGINT;
ALTER TABLE folders ADD COLUMN trashed_from INTEGER;
-- One trash per person; the auto clean-up finds what a trash has held long enough.
CREATE UNIQUE INDEX folders_trash ON folders (owner_id) WHERE kind = 4;
CREATE INDEX files_trashed ON files (trashed_at) WHERE trashed_at IS NOT NULL;
CREATE INDEX folders_trashed ON folders (trashed_at) WHERE trashed_at IS NOT NULL;

CREATE TABLE trashed_attachments (
  file_id     INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  entity_kind INTEGER NOT NULL,
  entity_id   INTEGER NOT NULL,
  attached    BIGINT NOT NULL,
  attached_by TEXT NOT NULL,
  PRIMARY KEY (file_id, entity_kind, entity_id)
);
