import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

/** What the global setup hands to every test file through vitest's provide/inject. */
declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the test server's maintenance database. */
    pgMaintenanceUrl: string;
    /** The migrated database each test file clones. */
    pgTemplateDatabase: string;
  }
}

/** The test cluster's password for the application role (roles are cluster-wide). */
export const TEST_APP_DB_PASSWORD = "incidentops-test-app-role-password";

export interface TestDatabase {
  name: string;
  url: string;
  drop: () => Promise<void>;
}

async function withMaintenanceClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject("pgMaintenanceUrl") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for one test file, cloned from the migrated template (fast: a file copy);
 * `template: null` gives an empty one.
 */
export async function createTestDatabase(options: { template?: string | null } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const template = options.template === undefined ? inject("pgTemplateDatabase") : options.template;
  await withMaintenanceClient(async (client) => {
    const from = template === null ? "" : ` TEMPLATE ${client.escapeIdentifier(template)}`;
    // Cloning fails while another session is still connected to the template; retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
  const url = new URL(inject("pgMaintenanceUrl"));
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => withMaintenanceClient((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
  };
}
