import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
// Relative: vitest loads global setup outside the resolver that knows the source condition.
import { migrate, startEmbeddedPostgres } from "../../../packages/db/src/index.js";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { TEST_APP_DB_PASSWORD } from "./database.js";
import { freePort } from "./ports.js";

export const TEMPLATE_DATABASE = "incidentops_test_template";

async function exec(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Once per run: a PostgreSQL server (the embedded one in a temporary data dir, or the one at
 * TEST_DATABASE_URL / DATABASE_URL) and a migrated template that each test file clones.
 */
export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  let maintenanceUrl: string;
  let teardown: () => Promise<void>;
  if (external !== undefined) {
    maintenanceUrl = external;
    teardown = () => Promise.resolve();
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), "incidentops-test-pg-"));
    const server = await startEmbeddedPostgres({ dataDir, port: await freePort() });
    maintenanceUrl = server.url();
    teardown = async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
  }
  const templateUrl = new URL(maintenanceUrl);
  templateUrl.pathname = `/${TEMPLATE_DATABASE}`;
  await exec(maintenanceUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await exec(maintenanceUrl, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await migrate(templateUrl.toString(), { appRolePassword: TEST_APP_DB_PASSWORD });

  project.provide("pgMaintenanceUrl", maintenanceUrl);
  project.provide("pgTemplateDatabase", TEMPLATE_DATABASE);
  return teardown;
}
