-- PostgreSQL's fan-out order of change events (issue 20; docs/notifications.md, "Order").
-- Until now publishers took an advisory lock from their event's INSERT to their COMMIT, so ids
-- followed commit order; that made every notifying write commit (and wait for its WAL flush) one
-- after another. Each event now carries its transaction id instead, and the fan-out takes only
-- events whose transactions, and every older one, have ended (xid below the snapshot's xmin), in
-- (xid, id) order. A write that follows another's answer took its transaction id later, so the
-- fan-out keeps that order; two writes of one row commit in their ids' order too (SERIALIZABLE
-- makes the later one start again with a new id).
ALTER TABLE change_events ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
