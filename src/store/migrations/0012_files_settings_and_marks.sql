-- Documents, per person (issue 16): the original's FilesSettings as each person keeps them, and
-- each person's marks: favourite files and folders, template files, recently used files.

-- FilesSettings per user; without a row the original's defaults hold (FilesUserSettings).
CREATE TABLE files_user_settings (
  user_id                   TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  store_original            INTEGER NOT NULL,
  update_if_exist           INTEGER NOT NULL,
  hide_confirm_convert_save INTEGER NOT NULL,
  hide_confirm_convert_open INTEGER NOT NULL,
  recent_section            INTEGER NOT NULL,
  favorites_section         INTEGER NOT NULL,
  templates_section         INTEGER NOT NULL,
  auto_cleanup              INTEGER NOT NULL,
  auto_cleanup_gap          INTEGER NOT NULL  -- DateToAutoCleanUp: 1 week ... 5 three months
);

-- kind: 1 favourite, 2 template, 3 recent. A mark goes with its file.
CREATE TABLE file_marks (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind    INTEGER NOT NULL,
  file_id INTEGER NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  at      BIGINT NOT NULL,
  PRIMARY KEY (user_id, kind, file_id)
);
-- A section lists newest first; a file's delete finds its marks.
CREATE INDEX file_marks_newest ON file_marks (user_id, kind, at, file_id);
CREATE INDEX file_marks_file ON file_marks (file_id);

-- Favourite folders (kind 1 only); a mark goes with its folder.
CREATE TABLE folder_marks (
  user_id   TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind      INTEGER NOT NULL,
  folder_id INTEGER NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
  at        BIGINT NOT NULL,
  PRIMARY KEY (user_id, kind, folder_id)
);
CREATE INDEX folder_marks_newest ON folder_marks (user_id, kind, at, folder_id);
CREATE INDEX folder_marks_folder ON folder_marks (folder_id);
