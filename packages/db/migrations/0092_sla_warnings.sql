-- SLA warnings (decision 0072): a policy may warn when a share of the time to a deadline has
-- passed and the deadline still runs. Null: no warnings (as before).
ALTER TABLE sla_policies ADD COLUMN warn_at_percent smallint CHECK (warn_at_percent BETWEEN 1 AND 99);

-- Each deadline's warning: when it is due (set with the deadline, from the same policy, and moved
-- with it; null: no warning) and when it was recorded (cleared when a severity change moves the
-- deadline, which warns again before the new one).
ALTER TABLE incidents
  ADD COLUMN acknowledge_warn_at    timestamptz(3),
  ADD COLUMN resolve_warn_at        timestamptz(3),
  ADD COLUMN acknowledge_warned_at  timestamptz(3),
  ADD COLUMN resolve_warned_at      timestamptz(3);
