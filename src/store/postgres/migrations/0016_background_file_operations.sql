-- PostgreSQL spelling of src/store/migrations/0016_background_file_operations.sql; keep both in step.
-- Background file operations (issue 16, bulk download): an operation that runs after the call
-- that started it names the node running it, so that a node starting again finishes the ones it
-- was running (with an error saying they were interrupted) and never another node's. NULL for an
-- operation that finished in its own call.
ALTER TABLE file_operations ADD COLUMN node text;
-- The running operations of one node, found at its start (few rows: finished ones have no node).
CREATE INDEX file_operations_running ON file_operations (node) WHERE finished = 0;
