-- The least severe incident a service's escalation policy pages for (decision 0069): a less severe
-- one opens, notifies the targets subscribed to it and is on its timeline, but its escalation
-- pages no one until it is raised to this severity or escalated by hand. Null: every severity, as
-- before.
ALTER TABLE services ADD COLUMN page_min_severity incident_severity;
