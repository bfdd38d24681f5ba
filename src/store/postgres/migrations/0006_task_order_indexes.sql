-- PostgreSQL spelling of src/store/migrations/0006_task_order_indexes.sql; keep both in step.
-- The task filter's sorts, each with open tasks first: one index per order and direction, so a
-- page walks its index in order and stops after OFFSET + LIMIT readable tasks instead of reading
-- and sorting every task. The expressions match task_order() word for word, with the dialect's
-- nocase() (tasks without a deadline last both ways). Created and start date have none: rarer,
-- and every index costs each task write.
CREATE INDEX tasks_status_id ON tasks (status, id);
CREATE INDEX tasks_status_id_desc ON tasks (status, id DESC);
CREATE INDEX tasks_status_deadline ON tasks (status, (deadline IS NULL), deadline, id);
CREATE INDEX tasks_status_deadline_desc
  ON tasks (status, (deadline IS NULL), deadline DESC, id DESC);
CREATE INDEX tasks_status_priority ON tasks (status, priority, id);
CREATE INDEX tasks_status_priority_desc ON tasks (status, priority DESC, id DESC);
CREATE INDEX tasks_status_title ON tasks (status, lower((title) COLLATE "C"), id);
CREATE INDEX tasks_status_title_desc ON tasks (status, lower((title) COLLATE "C") DESC, id DESC);

-- The number of tasks per project and status, kept by triggers, so the filter's total counts
-- the projects whose every task the viewer reads without visiting their tasks.
CREATE TABLE task_counts (
  project_id bigint NOT NULL,
  status     bigint NOT NULL,
  n          bigint NOT NULL,
  PRIMARY KEY (project_id, status)
);

INSERT INTO task_counts (project_id, status, n)
  SELECT project_id, status, count(*) FROM tasks GROUP BY project_id, status;

CREATE FUNCTION tasks_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO task_counts (project_id, status, n) VALUES (new.project_id, new.status, 1)
    ON CONFLICT (project_id, status) DO UPDATE SET n = task_counts.n + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER tasks_count_insert AFTER INSERT ON tasks
  FOR EACH ROW EXECUTE FUNCTION tasks_count_insert();

CREATE FUNCTION tasks_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_counts SET n = n - 1 WHERE project_id = old.project_id AND status = old.status;
  DELETE FROM task_counts WHERE project_id = old.project_id AND status = old.status AND n = 0;
  RETURN NULL;
END;
$$;
CREATE TRIGGER tasks_count_delete AFTER DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION tasks_count_delete();

CREATE FUNCTION tasks_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE task_counts SET n = n - 1 WHERE project_id = old.project_id AND status = old.status;
  DELETE FROM task_counts WHERE project_id = old.project_id AND status = old.status AND n = 0;
  INSERT INTO task_counts (project_id, status, n) VALUES (new.project_id, new.status, 1)
    ON CONFLICT (project_id, status) DO UPDATE SET n = task_counts.n + 1;
  RETURN NULL;
END;
$$;
CREATE TRIGGER tasks_count_update AFTER UPDATE OF project_id, status ON tasks
  FOR EACH ROW
  WHEN (old.project_id IS DISTINCT FROM new.project_id OR old.status IS DISTINCT FROM new.status)
  EXECUTE FUNCTION tasks_count_update();
