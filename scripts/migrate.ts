import { createLogger, loadConfig, prepareDatabase, startupFailure } from "@incidentops/core";

/**
 * `pnpm db:migrate`: applies pending migrations to DATABASE_URL (or the embedded server) and
 * provisions the application role's login.
 */
try {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: "migrate" });
  const database = await prepareDatabase(config, logger);
  logger.info("database is current");
  await database.stop();
} catch (error) {
  console.error(startupFailure(error));
  process.exitCode = 1;
}
