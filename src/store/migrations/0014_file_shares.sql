-- Sharing of Documents (issue 16): what a person or admin shared with whom, and each file's external
-- link. The original's files_security, with the subject split by kind so a share goes with its
-- entry, its group (foreign keys) and its person (FileShareRepo::forget_subject, people are never
-- deleted as rows).

-- One share: exactly one of file_id / folder_id; subject_kind 1 person (user_id), 2 group
-- (group_id), 3 everyone (neither). access is the original's FileShare (1 ReadWrite, 2 Read,
-- 3 Restrict, 5 Review, 6 Comment, 7 FillForms, 8 CustomFilter); None is never stored (it removes).
CREATE TABLE file_shares (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  file_id      INTEGER REFERENCES files (id) ON DELETE CASCADE,
  folder_id    INTEGER REFERENCES folders (id) ON DELETE CASCADE,
  subject      TEXT NOT NULL,
  subject_kind INTEGER NOT NULL,
  user_id      TEXT REFERENCES users (id) ON DELETE CASCADE,
  group_id     TEXT REFERENCES people_groups (id) ON DELETE CASCADE,
  access       INTEGER NOT NULL,
  shared_by    TEXT NOT NULL,
  at           BIGINT NOT NULL,
  CHECK ((file_id IS NULL) <> (folder_id IS NULL))
);
CREATE UNIQUE INDEX file_shares_file ON file_shares (file_id, subject) WHERE file_id IS NOT NULL;
CREATE UNIQUE INDEX file_shares_folder ON file_shares (folder_id, subject)
  WHERE folder_id IS NOT NULL;
-- A caller's rights start from the shares naming them, their groups or everyone.
CREATE INDEX file_shares_subject ON file_shares (subject);
CREATE INDEX file_shares_group ON file_shares (group_id);

-- A file's external link: an unguessable token that downloads the file without signing in while
-- its access allows reading. Revoking keeps the row with access 3 (Restrict), as the original keeps
-- one link per file.
CREATE TABLE file_share_links (
  file_id    INTEGER PRIMARY KEY REFERENCES files (id) ON DELETE CASCADE,
  token      TEXT NOT NULL,
  access     INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  created    BIGINT NOT NULL
);
CREATE UNIQUE INDEX file_share_links_token ON file_share_links (token);
