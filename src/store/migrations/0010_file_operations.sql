-- The Documents file operations (move, copy, delete, mark as read...) each person started, kept so
-- that GET files/fileops can answer them after the call that did them (FileOperationWraper). Every
-- operation runs in the transaction that records it, so a row is always a finished operation;
-- finished ones are pruned after a while (domain/files/file_operations.h says how long).
CREATE TABLE file_operations (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,  -- the order they were recorded in
  id          TEXT NOT NULL UNIQUE,               -- a GUID, as the original's operation ids
  owner_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  type        INTEGER NOT NULL,  -- FileOperationType: 0 move, 1 copy, 2 delete, 3 download, 4 mark as read
  progress    INTEGER NOT NULL,  -- 0..100
  finished    INTEGER NOT NULL,  -- 0 or 1
  error       TEXT,              -- NULL on success
  processed   INTEGER NOT NULL,  -- items handled
  file_ids    TEXT NOT NULL,     -- the files it produced or touched, comma-separated ids
  folder_ids  TEXT NOT NULL,     -- the same for folders
  url         TEXT,              -- a bulk download's address; NULL otherwise
  created     BIGINT NOT NULL,
  finished_at BIGINT             -- NULL while running
);
-- Each person's list, and the pruning of each person's own finished operations.
CREATE INDEX file_operations_owner ON file_operations (owner_id, seq);
