import type { Config, Logger, Mailer } from "@incidentops/core";
import type { Db } from "@incidentops/db";

/** What every task shares: one pool, the configuration, the logger and the SMTP transport. */
export interface WorkerDeps {
  db: Db;
  config: Config;
  logger: Logger;
  mailer: Mailer;
}
