-- A time entry's project, copied from its task (issue 20; docs/architecture.md, "Caches and change
-- scopes" has the render path this serves). A project's time total (ProjectWrapperFull's
-- timeTrackingTotal, shown by every GET task) then reads that project's entries through an index
-- instead of visiting each of its tasks, which cost every answer a walk of the whole project even
-- when nobody tracked time. Triggers keep the copy, as task_counts' do (0006), whatever writes the
-- rows: an entry takes its task's project when added or moved to another task, and follows its
-- task to another project (docs/wire-compatibility.md, "Time entries go with their task").
ALTER TABLE time_entries ADD COLUMN project_id bigint;

UPDATE time_entries SET project_id = (SELECT project_id FROM tasks WHERE tasks.id = task_id);

CREATE INDEX time_entries_project ON time_entries (project_id, task_id);

CREATE FUNCTION time_entries_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  new.project_id := (SELECT project_id FROM tasks WHERE id = new.task_id);
  RETURN new;
END;
$$;
CREATE TRIGGER time_entries_project BEFORE INSERT OR UPDATE OF task_id, project_id ON time_entries
  FOR EACH ROW EXECUTE FUNCTION time_entries_project();

CREATE FUNCTION tasks_time_entries_project() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE time_entries SET project_id = new.project_id WHERE task_id = new.id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER tasks_time_entries_project AFTER UPDATE OF project_id ON tasks
  FOR EACH ROW WHEN (old.project_id IS DISTINCT FROM new.project_id)
  EXECUTE FUNCTION tasks_time_entries_project();
