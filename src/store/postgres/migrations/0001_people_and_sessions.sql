-- PostgreSQL spelling of src/store/migrations/0001_people_and_sessions.sql; keep both in step.
-- People and sign-in state. Times are 100 ns ticks since the Unix epoch (base/time.h).
CREATE TABLE users (
  id                text PRIMARY KEY,
  user_name         text NOT NULL,
  email             text NOT NULL,
  first_name        text NOT NULL,
  last_name         text NOT NULL,
  title             text NOT NULL DEFAULT '',
  location          text NOT NULL DEFAULT '',
  notes             text NOT NULL DEFAULT '',
  sex               text,
  birthday          bigint,
  work_from         bigint,
  terminated        bigint,
  is_admin          bigint NOT NULL DEFAULT 0,
  is_visitor        bigint NOT NULL DEFAULT 0,
  status            bigint NOT NULL DEFAULT 1,
  activation_status bigint NOT NULL DEFAULT 1,
  password_hash     text NOT NULL DEFAULT '',
  created           bigint NOT NULL,
  updated           bigint NOT NULL
);
-- SQLite's lower() folds ASCII letters only; lower() under the "C" collation does the same.
CREATE UNIQUE INDEX users_email ON users (lower((email) COLLATE "C"));
CREATE UNIQUE INDEX users_user_name ON users (lower((user_name) COLLATE "C"));
CREATE INDEX users_name_order ON users (first_name, last_name, id);

CREATE TABLE auth_tokens (
  token_hash text PRIMARY KEY,
  user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created    bigint NOT NULL,
  expires    bigint NOT NULL
);
CREATE INDEX auth_tokens_user ON auth_tokens (user_id);
CREATE INDEX auth_tokens_expires ON auth_tokens (expires);

CREATE TABLE login_failures (
  account   text NOT NULL,
  client    text NOT NULL,
  failed_at bigint NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (account, client, failed_at);
CREATE INDEX login_failures_at ON login_failures (failed_at);
