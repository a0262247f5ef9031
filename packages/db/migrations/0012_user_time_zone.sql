-- Each person's IANA time zone: their shifts, reminders and off-hours analytics are read on it.
ALTER TABLE users ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
