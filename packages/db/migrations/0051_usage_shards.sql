-- An org's write calls of a day in up to 16 rows instead of one. Counting is the last statement
-- of every authenticated mutation, and the counted row stays locked until that transaction's
-- commit (its WAL flush included): on one row per org and day, all of one org's writes queued
-- there (create x1.43 with the count switched off, bench/README.md). Without a quota, a call
-- counts in its connection's row (backend pid mod 16); against a quota it counts in row 0, after
-- checking the day's total, so the quota stays exact. Reads add the rows up.
ALTER TABLE org_usage_daily ADD COLUMN shard smallint NOT NULL DEFAULT 0 CHECK (shard BETWEEN 0 AND 15);
ALTER TABLE org_usage_daily DROP CONSTRAINT org_usage_daily_pkey, ADD PRIMARY KEY (org_id, day, shard);
