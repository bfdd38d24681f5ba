-- The rest of the Projects module (issue 15): archived discussions, the module's settings, project
-- templates, each project's gantt order and who left its team.

-- MessageStatus: 0 open, 1 archived. Existing discussions are open.
ALTER TABLE messages ADD COLUMN status INTEGER NOT NULL DEFAULT 0;
CREATE INDEX messages_status ON messages (status, created, id);

-- ProjectsCommonSettings, portal-wide: one row at most; without it the defaults hold.
CREATE TABLE project_portal_settings (
  id                   INTEGER PRIMARY KEY CHECK (id = 1),
  everybody_can_create INTEGER NOT NULL,
  hide_paused          INTEGER NOT NULL  -- hide the discussions of paused projects in filters
);

-- ProjectsCommonSettings, per user: the start module and the folder files are saved to.
CREATE TABLE project_user_settings (
  user_id      TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  start_module INTEGER NOT NULL,  -- StartModuleType: 0 projects, 1 tasks, 2 discussions, 3 time
  folder_id    TEXT               -- NULL: the user's @my
);

-- Project templates: a title and the JSON plan (description) the web client builds projects from.
CREATE TABLE project_templates (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  created     BIGINT NOT NULL,
  created_by  TEXT NOT NULL,
  updated     BIGINT NOT NULL,
  updated_by  TEXT NOT NULL
);

-- The gantt chart's order of a project's milestones and tasks, as validated JSON.
CREATE TABLE project_gantt_order (
  project_id  INTEGER PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
  gantt_order TEXT NOT NULL
);

-- Who left a project's team (ProjectApi teamExcluded), with the rights they had; joining again
-- removes the row.
CREATE TABLE project_team_removed (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id),
  security   INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (project_id, user_id)
);
