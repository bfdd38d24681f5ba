-- What each committed write changed, as change scopes (issue 20; docs/architecture.md, "Caches and
-- change scopes" and "Several nodes"), so every node's caches see every node's writes. A write
-- adds one row per scope it named (scope 0: a broad write, which may change anything) in its own
-- transaction, stamped with its transaction id; a node asks for the rows its last snapshot did not
-- see (pg_visible_in_snapshot), which are exactly the writes committed since, whatever order their
-- ids were taken in. Rows are never updated, so writers on different nodes never wait for each
-- other here. Nodes delete rows older than every snapshot they may still ask about.
CREATE TABLE change_log (
  xid xid8 NOT NULL,
  scope bigint NOT NULL
);

CREATE INDEX change_log_xid ON change_log (xid);
