/** What the global setup hands to every test file through vitest's provide/inject. */
declare module "vitest" {
  export interface ProvidedContext {
    /** Connection string of the test server's maintenance database. */
    pgMaintenanceUrl: string;
    /** The migrated database each test file clones. */
    pgTemplateDatabase: string;
  }
}

export {};
