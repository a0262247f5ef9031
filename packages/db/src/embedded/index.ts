export { startEmbeddedPostgres, type EmbeddedLog, type EmbeddedPostgresOptions, type RunningPostgres } from "./server.js";
export { EmbeddedPostgresError } from "./os-user.js";
