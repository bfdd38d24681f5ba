-- The milestone deadline reminder's marker (issue 18; docs/notifications.md, "Change events"):
-- the deadline a milestone.deadline event was published for. The reminder publishes while it
-- differs from the deadline, so a milestone is reminded once per deadline, and again only after
-- its deadline changes.
ALTER TABLE milestones ADD COLUMN deadline_notified BIGINT;
