-- PostgreSQL's 0024 stamps each change event with its transaction id so that publishers need not
-- commit one after another. SQLite has one writer: event ids already follow commit order, and the
-- fan-out reads them in id order (docs/notifications.md, "Order"). The number stays in step with
-- PostgreSQL's.
SELECT 1;
