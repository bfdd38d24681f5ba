-- PostgreSQL spelling of src/store/migrations/0012_files_settings_and_marks.sql; keep both in step.
-- Documents, per person (issue 16): the original's FilesSettings as each person keeps them, and
-- each person's marks: favourite files and folders, template files, recently used files.

-- FilesSettings per user; without a row the original's defaults hold (FilesUserSettings).
CREATE TABLE files_user_settings (
  user_id                   text PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  store_original            bigint NOT NULL,
  update_if_exist           bigint NOT NULL,
  hide_confirm_convert_save bigint NOT NULL,
  hide_confirm_convert_open bigint NOT NULL,
  recent_section            bigint NOT NULL,
  favorites_section         bigint NOT NULL,
  templates_section         bigint NOT NULL,
  auto_cleanup              bigint NOT NULL,
  auto_cleanup_gap          bigint NOT NULL  -- DateToAutoCleanUp: 1 week ... 5 three months
);

-- kind: 1 favourite, 2 template, 3 recent. A mark goes with its file.
CREATE TABLE file_marks (
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind    bigint NOT NULL,
  file_id bigint NOT NULL REFERENCES files (id) ON DELETE CASCADE,
  at      bigint NOT NULL,
  PRIMARY KEY (user_id, kind, file_id)
);
-- A section lists newest first; a file's delete finds its marks.
CREATE INDEX file_marks_newest ON file_marks (user_id, kind, at, file_id);
CREATE INDEX file_marks_file ON file_marks (file_id);

-- Favourite folders (kind 1 only); a mark goes with its folder.
CREATE TABLE folder_marks (
  user_id   text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind      bigint NOT NULL,
  folder_id bigint NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
  at        bigint NOT NULL,
  PRIMARY KEY (user_id, kind, folder_id)
);
CREATE INDEX folder_marks_newest ON folder_marks (user_id, kind, at, folder_id);
CREATE INDEX folder_marks_folder ON folder_marks (folder_id);
