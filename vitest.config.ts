import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const conditions = ["@incidentops/source"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    globalSetup: ["tooling/testkit/src/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { LOG_LEVEL: "silent", NODE_ENV: "test" },
    projects: [
      {
        extends: true,
        test: { name: "server", include: ["apps/*/test/**/*.test.ts", "packages/*/test/**/*.test.ts", "scripts/test/**/*.test.ts"], exclude: ["apps/web/**"] },
      },
      {
        // The web app's logic and components (a DOM where a file asks for one: `@vitest-environment happy-dom`).
        extends: true,
        resolve: { alias: { "@": fileURLToPath(new URL("apps/web/src", import.meta.url)) } },
        test: { name: "web", include: ["apps/web/test/**/*.test.{ts,tsx}"] },
      },
    ],
  },
});
