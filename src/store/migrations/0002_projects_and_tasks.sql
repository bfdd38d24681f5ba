-- Projects, their teams and documents folders, milestones, tasks, subtasks and task links.
-- Ids are integers as in the original; times are 100 ns ticks since the Unix epoch.
CREATE TABLE folders (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  parent_id  INTEGER REFERENCES folders (id) ON DELETE CASCADE,
  kind       INTEGER NOT NULL,  -- 0 a subfolder, 1 @my, 2 @common, 3 a project's root
  owner_id   TEXT,              -- @my: its user
  project_id INTEGER,           -- set on a project's root and everything under it
  title      TEXT NOT NULL,
  created    BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  updated    BIGINT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX folders_parent ON folders (parent_id, title);
CREATE UNIQUE INDEX folders_my ON folders (owner_id) WHERE kind = 1;

CREATE TABLE projects (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  title          TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  status         INTEGER NOT NULL DEFAULT 0,  -- 0 open, 1 closed, 2 paused
  responsible_id TEXT NOT NULL REFERENCES users (id),
  is_private     INTEGER NOT NULL DEFAULT 0,
  folder_id      INTEGER REFERENCES folders (id) ON DELETE SET NULL,
  created        BIGINT NOT NULL,
  created_by     TEXT NOT NULL,
  updated        BIGINT NOT NULL,
  updated_by     TEXT NOT NULL
);
-- Titles sort ignoring ASCII case, as the original's MySQL collation did.
CREATE INDEX projects_title ON projects (title COLLATE NOCASE, id);
CREATE INDEX projects_created ON projects (created, id);
CREATE INDEX projects_responsible ON projects (responsible_id);
-- Deleting a folder looks up the projects that point at it.
CREATE INDEX projects_folder ON projects (folder_id);

CREATE TABLE project_team (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id),
  security   INTEGER NOT NULL DEFAULT 0,  -- ProjectTeamSecurity bits: a set bit denies the module
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_team_user ON project_team (user_id, project_id);

CREATE TABLE project_followers (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (project_id, user_id)
);
CREATE INDEX project_followers_user ON project_followers (user_id, project_id);

CREATE TABLE tags (
  id    INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL
);
CREATE UNIQUE INDEX tags_title ON tags (lower(title));

CREATE TABLE project_tags (
  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags (id),
  PRIMARY KEY (project_id, tag_id)
);
CREATE INDEX project_tags_tag ON project_tags (tag_id, project_id);

CREATE TABLE milestones (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id     INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  title          TEXT NOT NULL,
  description    TEXT NOT NULL DEFAULT '',
  deadline       BIGINT NOT NULL,
  is_key         INTEGER NOT NULL DEFAULT 0,
  is_notify      INTEGER NOT NULL DEFAULT 0,
  status         INTEGER NOT NULL DEFAULT 0,  -- 0 open, 1 closed
  responsible_id TEXT NOT NULL REFERENCES users (id),
  created        BIGINT NOT NULL,
  created_by     TEXT NOT NULL,
  updated        BIGINT NOT NULL,
  updated_by     TEXT NOT NULL
);
CREATE INDEX milestones_project ON milestones (project_id, status, deadline);
CREATE INDEX milestones_deadline ON milestones (deadline, id);
CREATE INDEX milestones_responsible ON milestones (responsible_id);

CREATE TABLE tasks (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id       INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  milestone_id     INTEGER REFERENCES milestones (id) ON DELETE SET NULL,
  title            TEXT NOT NULL,
  description      TEXT,
  priority         INTEGER NOT NULL DEFAULT 0,  -- 1 high, 0 normal, -1 low
  status           INTEGER NOT NULL DEFAULT 1,  -- 1 open, 2 closed
  custom_status_id INTEGER,
  start_date       BIGINT,
  deadline         BIGINT,
  progress         INTEGER NOT NULL DEFAULT 0,
  sort_order       INTEGER NOT NULL DEFAULT 0,
  created          BIGINT NOT NULL,
  created_by       TEXT NOT NULL,
  updated          BIGINT NOT NULL,
  updated_by       TEXT NOT NULL
);
CREATE INDEX tasks_project ON tasks (project_id, status, id);
CREATE INDEX tasks_milestone ON tasks (milestone_id);
CREATE INDEX tasks_deadline ON tasks (deadline, id);
CREATE INDEX tasks_created ON tasks (created, id);
CREATE INDEX tasks_title ON tasks (title COLLATE NOCASE, id);
CREATE INDEX tasks_priority ON tasks (priority, id);
CREATE INDEX tasks_start ON tasks (start_date, id);

CREATE TABLE task_responsibles (
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (task_id, user_id)
);
CREATE INDEX task_responsibles_user ON task_responsibles (user_id, task_id);

CREATE TABLE task_subscribers (
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (task_id, user_id)
);
CREATE INDEX task_subscribers_user ON task_subscribers (user_id, task_id);

CREATE TABLE subtasks (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id        INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  title          TEXT NOT NULL,
  status         INTEGER NOT NULL DEFAULT 1,
  responsible_id TEXT REFERENCES users (id),
  created        BIGINT NOT NULL,
  created_by     TEXT NOT NULL,
  updated        BIGINT NOT NULL,
  updated_by     TEXT NOT NULL
);
CREATE INDEX subtasks_task ON subtasks (task_id, id);
CREATE INDEX subtasks_responsible ON subtasks (responsible_id);

CREATE TABLE task_links (
  parent_task_id     INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  dependence_task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  link_type          INTEGER NOT NULL,  -- 0 start, 1 end, 2 end-start
  PRIMARY KEY (parent_task_id, dependence_task_id),
  CHECK (parent_task_id <> dependence_task_id)
);
CREATE INDEX task_links_dependence ON task_links (dependence_task_id);
-- Two tasks are linked at most once, in either direction: B -> A beside A -> B is a cycle.
CREATE UNIQUE INDEX task_links_pair
  ON task_links (min(parent_task_id, dependence_task_id), max(parent_task_id, dependence_task_id));

CREATE TABLE task_reminders (
  task_id   INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  user_id   TEXT NOT NULL REFERENCES users (id),
  sent_at   BIGINT NOT NULL
);
CREATE INDEX task_reminders_task ON task_reminders (task_id);
