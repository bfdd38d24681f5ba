-- PostgreSQL's change log (its 0023), which lets every node's caches see every node's writes, has
-- no SQLite counterpart: the processes that open one SQLite file share its change clock through
-- the file beside it (store/shared_change_clock.h). The number stays in step with PostgreSQL's.
SELECT 1;
