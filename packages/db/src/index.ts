export * from "./schema.js";
export { createDb, createPool, type CreateDbOptions, type Db, type Tx } from "./pool.js";
export { createJobQueuePool } from "./job-queue-pool.js";
export { DatabaseNoAnswerError, executeAndCommit, executeTogether, heldStatementsDialect, sendAfterCommit, sendWithNext, type HeldStatementsOptions } from "./held-statements-driver.js";
export { executeKeyed, keyed, keyedStatement, type Compilable } from "./prepared-statements.js";
export { APP_ROLE, appRoleUrl, migrate, migrationsDir, readMigrations, type MigrateOptions, type MigrationFile } from "./migrate.js";
export { EmbeddedPostgresError, startEmbeddedPostgres, type EmbeddedLog, type EmbeddedPostgresOptions, type RunningPostgres } from "./embedded/index.js";
export { sql } from "kysely";
