-- Time tracking: the time a person spent on a task on one day. Time is a whole number of seconds,
-- never a float, so every total is an exact integer sum (docs/wire-compatibility.md, "Time is kept
-- in whole seconds"). An entry belongs to its task and goes with it, and with its project
-- (docs/wire-compatibility.md, "Time entries go with their task").
CREATE TABLE time_entries (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  task_id        INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  person_id      TEXT NOT NULL REFERENCES users (id),
  date           BIGINT NOT NULL,  -- the day: its midnight in the portal time zone, in ticks
  seconds        BIGINT NOT NULL CHECK (seconds > 0),
  note           TEXT,
  payment_status INTEGER NOT NULL DEFAULT 0,  -- 0 not chargeable, 1 not billed, 2 billed
  status_changed BIGINT,                      -- when the payment status last changed
  created        BIGINT NOT NULL,
  created_by     TEXT NOT NULL
);
-- A task's entries and its total; the filter's default order (date, then id) and its person.
CREATE INDEX time_entries_task ON time_entries (task_id, date, id);
CREATE INDEX time_entries_date ON time_entries (date, id);
CREATE INDEX time_entries_person ON time_entries (person_id, date, id);
