-- PostgreSQL spelling of src/store/migrations/0019_password_resets.sql; keep both in step.
-- Password recovery (issue 18; docs/notifications.md, "Password recovery";
-- store/password_reset_repo.h). A reset token is mailed; only its SHA-256 is kept here.
CREATE TABLE password_resets (
  token_hash text PRIMARY KEY,  -- lowercase hex SHA-256 of the token in the link
  user_id    text NOT NULL,
  created    bigint NOT NULL,
  expires    bigint NOT NULL,
  used       bigint              -- when it set a password, or was revoked by a newer reset
);
-- The newest token of a person (one mail per 5 minutes) and revoking them all.
CREATE INDEX password_resets_by_user ON password_resets (user_id, created);

-- Recovery requests per client address, for the throttle (20 per 15 minutes); rows older than the
-- window are removed as new ones arrive.
CREATE TABLE password_reset_requests (
  id      bigserial PRIMARY KEY,
  client  text NOT NULL,
  created bigint NOT NULL
);
CREATE INDEX password_reset_requests_by_client ON password_reset_requests (client, created);
CREATE INDEX password_reset_requests_created ON password_reset_requests (created);
