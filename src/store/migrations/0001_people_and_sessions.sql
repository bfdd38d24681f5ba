-- People and sign-in state. Times are 100 ns ticks since the Unix epoch (base/time.h).
CREATE TABLE users (
  id                TEXT PRIMARY KEY,
  user_name         TEXT NOT NULL,
  email             TEXT NOT NULL,
  first_name        TEXT NOT NULL,
  last_name         TEXT NOT NULL,
  title             TEXT NOT NULL DEFAULT '',
  location          TEXT NOT NULL DEFAULT '',
  notes             TEXT NOT NULL DEFAULT '',
  sex               TEXT,
  birthday          BIGINT,
  work_from         BIGINT,
  terminated        BIGINT,
  is_admin          INTEGER NOT NULL DEFAULT 0,
  is_visitor        INTEGER NOT NULL DEFAULT 0,
  status            INTEGER NOT NULL DEFAULT 1,
  activation_status INTEGER NOT NULL DEFAULT 1,
  password_hash     TEXT NOT NULL DEFAULT '',
  created           BIGINT NOT NULL,
  updated           BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (lower(email));
CREATE UNIQUE INDEX users_user_name ON users (lower(user_name));
CREATE INDEX users_name_order ON users (first_name, last_name, id);

CREATE TABLE auth_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created    BIGINT NOT NULL,
  expires    BIGINT NOT NULL
);
CREATE INDEX auth_tokens_user ON auth_tokens (user_id);
CREATE INDEX auth_tokens_expires ON auth_tokens (expires);

CREATE TABLE login_failures (
  account   TEXT NOT NULL,
  client    TEXT NOT NULL,
  failed_at BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (account, client, failed_at);
CREATE INDEX login_failures_at ON login_failures (failed_at);
