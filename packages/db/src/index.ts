export * from "./schema.js";
export { createDb, type CreateDbOptions, type Db, type Tx } from "./pool.js";
export { migrate, migrationsDir, readMigrations, type MigrationFile } from "./migrate.js";
export { startEmbeddedPostgres, type EmbeddedPostgresOptions, type RunningPostgres } from "./embedded.js";
export { sql } from "kysely";
