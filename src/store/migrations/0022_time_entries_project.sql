-- A time entry's project, copied from its task (issue 20; docs/architecture.md, "Caches and change
-- scopes" has the render path this serves). A project's time total (ProjectWrapperFull's
-- timeTrackingTotal, shown by every GET task) then reads that project's entries through an index
-- instead of visiting each of its tasks, which cost every answer a walk of the whole project even
-- when nobody tracked time. Triggers keep the copy, as task_counts' do (0006), whatever writes the
-- rows: an entry takes its task's project when added or moved to another task, and follows its
-- task to another project (docs/wire-compatibility.md, "Time entries go with their task").
ALTER TABLE time_entries ADD COLUMN project_id INTEGER;

UPDATE time_entries SET project_id = (SELECT project_id FROM tasks WHERE tasks.id = task_id);

CREATE INDEX time_entries_project ON time_entries (project_id, task_id);

CREATE TRIGGER time_entries_project_insert AFTER INSERT ON time_entries BEGIN
  UPDATE time_entries SET project_id = (SELECT project_id FROM tasks WHERE id = new.task_id)
    WHERE id = new.id;
END;

CREATE TRIGGER time_entries_project_update AFTER UPDATE OF task_id, project_id ON time_entries
  WHEN new.project_id IS NOT (SELECT project_id FROM tasks WHERE id = new.task_id) BEGIN
  UPDATE time_entries SET project_id = (SELECT project_id FROM tasks WHERE id = new.task_id)
    WHERE id = new.id;
END;

CREATE TRIGGER tasks_time_entries_project AFTER UPDATE OF project_id ON tasks
  WHEN old.project_id IS NOT new.project_id BEGIN
  UPDATE time_entries SET project_id = new.project_id WHERE task_id = new.id;
END;
