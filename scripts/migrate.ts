import { ConfigError, createLogger, loadConfig, openDatabase } from "@incidentops/core";
import { migrate } from "@incidentops/db";

/** `pnpm db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded server. */
try {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, name: "migrate" });
  const database = await openDatabase(config, logger);
  try {
    const applied = await migrate(database.url);
    logger.info({ applied }, applied.length > 0 ? "migrations applied" : "database already current");
  } finally {
    await database.stop();
  }
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
}
