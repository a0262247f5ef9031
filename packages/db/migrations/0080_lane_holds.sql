-- A receiver's Retry-After holds its lane in a column of its own, apart from the lease of the
-- worker sending to it (docs/decisions/0054-holds-end-and-refusals-read.md): a change or a
-- successful test of the target ends the hold at once, and may not clear a lease, under which
-- another worker may be sending. A hold written before this column is a lease held by nobody, not
-- told apart from a worker's: it ends at its time, an hour at most, as before.
ALTER TABLE delivery_lanes ADD COLUMN held_until timestamptz(3);
