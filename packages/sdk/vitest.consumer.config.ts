import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import base from "../../vitest.config.js";

/**
 * Runs the consumer check's live part (scripts/check-sdk-consumer.sh): the root config's
 * PostgreSQL global setup and source condition, with only test/consumer/*.e2e.ts included (`pnpm test` leaves them out).
 */
export default defineConfig({
  ...base,
  root: fileURLToPath(new URL("../..", import.meta.url)),
  test: {
    ...base.test,
    // Not the root's projects: each has its own include, which would run the whole suite again.
    projects: undefined,
    include: ["packages/sdk/test/consumer/**/*.e2e.ts"],
    testTimeout: 120_000,
  },
});
