-- The original's version groups (issue 16, PUT files/file/{id}/history): versions of one group are
-- revisions of one version. Until now every version was its own group, numbered like the version.
ALTER TABLE file_versions ADD COLUMN version_group INTEGER NOT NULL DEFAULT 0;
UPDATE file_versions SET version_group = version;
