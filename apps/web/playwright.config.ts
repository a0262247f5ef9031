import { defineConfig, devices } from "@playwright/test";

// The browser tests: Debian's chromium (never a downloaded browser), against the API and worker
// that global-setup.ts starts on an embedded PostgreSQL of their own. Timeouts are generous and
// tests wait on conditions, not sleeps: the machine may be small and busy.

const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "./e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    ...devices["Desktop Chrome"],
    launchOptions: { executablePath: "/usr/bin/chromium", args: CHROMIUM_FLAGS },
    actionTimeout: 20_000,
    navigationTimeout: 30_000,
    trace: "off",
  },
});
