import type { Config, Logger, Mailer } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import type { FirstRoundSender } from "./first-rounds.js";

/**
 * What every task shares: one pool, the configuration and the SMTP transport. Inside a task,
 * `logger` is the job's own (its lines carry the job id, the task and the request id).
 */
export interface WorkerDeps {
  db: Db;
  config: Config;
  logger: Logger;
  mailer: Mailer;
  /** Where fan-outs send their lanes' first rounds; without it (a one-off drain), lanes are left to their jobs. */
  firstRounds?: FirstRoundSender;
}
