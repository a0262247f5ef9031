import type pg from "pg";
import { createPool, type CreateDbOptions } from "./pool.js";

/**
 * The settings of graphile-worker's own connections: PostgreSQL plans their statements without a
 * sequential scan where an index serves. graphile-worker's job fetch takes the first available
 * jobs in (priority, run_at) order; PostgreSQL walks that index or scans and sorts the whole jobs
 * table, as the table's statistics say. A storm outruns them: analysed while the table was nearly
 * empty, they said a scan was cheaper, and once the storm had queued its deadlines (a breach check
 * and an escalation for each incident, due later) every fetch read and sorted all of them. Every
 * statement graphile-worker sends finds its rows through an index, or has none to use and still
 * scans (decision 0064).
 */
export const JOB_QUEUE_SETTINGS: Readonly<Record<string, string>> = { enable_seqscan: "off" };

/** A pool for graphile-worker (its runners, its utils), its connections with JOB_QUEUE_SETTINGS. */
export const createJobQueuePool = (options: Omit<CreateDbOptions, "settings">): pg.Pool => createPool({ ...options, settings: JOB_QUEUE_SETTINGS });
