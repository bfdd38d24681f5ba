-- PostgreSQL spelling of src/store/migrations/0011_upload_sessions.sql; keep both in step.
-- Chunked, resumable uploads (issue 16): one row per upload session, from create_session until
-- its last byte makes the file (or it is aborted or expires). The staged bytes live in a file
-- named by the id under <blobs>/upload-sessions/; bytes_uploaded counts only bytes that were
-- fsynced there before the chunk that brought them was acknowledged.
CREATE TABLE upload_sessions (
  id                  text PRIMARY KEY,  -- 32 lowercase hex digits, the upload URL's uid
  user_id             text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  folder_id           bigint NOT NULL REFERENCES folders (id) ON DELETE CASCADE,
  title               text NOT NULL,
  bytes_total         bigint NOT NULL CHECK (bytes_total > 0),
  bytes_uploaded      bigint NOT NULL DEFAULT 0
                      CHECK (bytes_uploaded >= 0 AND bytes_uploaded <= bytes_total),
  chunks              bigint NOT NULL DEFAULT 0,  -- chunks acknowledged so far
  create_new_if_exist bigint NOT NULL DEFAULT 1,  -- a taken title makes `name (1).ext`
  created             bigint NOT NULL,
  expires             bigint NOT NULL             -- slides with every acknowledged chunk
);
CREATE INDEX upload_sessions_expires ON upload_sessions (expires);
