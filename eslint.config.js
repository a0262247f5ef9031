// @ts-check
import js from "@eslint/js";
import importPlugin from "eslint-plugin-import";
import tseslint from "typescript-eslint";

// ---------------------------------------------------------------------------------------------
// Import boundaries (import/no-restricted-paths, on resolved paths: a relative import and a
// package import of the same file are the same dependency).
//
// Packages: apps -> core -> db. The db package imports neither core nor an app; core imports no
// app; an app uses core only through its public entry (packages/core/src/index.ts, what
// `@incidentops/core` resolves to), never a core file by path.
//
// Inside packages/core/src, the kernel (the files at its root, jobs/, storage/ and delivery/) imports no
// feature (delivery/ only the incident shapes its payload carries), and each feature folder
// imports the kernel and the features listed for it below, nothing else. The list has no cycle,
// so dependencies point one way:
//
//   accounts:   audit, sessions, users, usage, rate-limit  <-  org, api-keys  <-  auth  <-  invitations
//   on call:    teams  <-  escalation-policies  <-  catalog  <-  integrations;  notification-targets -> notifications
//               teams  <-  schedules  <-  oncall  <-  calendar-feeds;  schedules  <-  shift-notices
//   incidents:  ingest -> incidents <- escalations, notifications; sla <- incidents; ingest -> rate-limit, change-events, maintenance
//               opsgenie -> ingest, incidents, integrations
//   the work around incidents: tasks, status-updates, attachments, analytics <- postmortems
//
// Incidents change only in incidents/lifecycle.ts: other features may use incidents' schema,
// service, lifecycle and state machine, never its repository. incidents itself uses no ingest,
// escalations or notifications code.
// ---------------------------------------------------------------------------------------------

/** Each core feature folder, and the feature folders it may import. */
const CORE_FEATURES = {
  audit: [],
  sessions: [],
  users: [],
  usage: [],
  "rate-limit": [],
  org: ["audit", "incidents", "sessions", "tasks", "teams", "users"],
  "api-keys": ["audit"],
  "stream-tickets": ["api-keys"],
  idempotency: [],
  auth: ["audit", "org", "sessions", "users"],
  invitations: ["audit", "auth", "org", "users"],
  teams: ["audit", "users"],
  schedules: ["audit", "teams", "users"],
  oncall: ["escalation-policies", "schedules", "teams", "users"],
  "shift-notices": ["schedules"],
  "calendar-feeds": ["audit", "oncall", "schedules", "teams"],
  "escalation-policies": ["audit", "teams"],
  catalog: ["audit", "escalation-policies", "teams"],
  "notification-targets": ["audit", "escalation-policies", "notifications", "org"],
  integrations: ["audit", "catalog", "rate-limit"],
  sla: ["audit", "catalog"],
  incidents: ["catalog", "escalation-policies", "maintenance", "sla", "teams"],
  "change-events": ["catalog", "incidents"],
  maintenance: ["audit", "catalog"],
  heartbeats: ["audit", "catalog", "incidents", "maintenance", "rate-limit"],
  ingest: ["change-events", "incidents", "integrations", "maintenance", "rate-limit"],
  opsgenie: ["incidents", "ingest", "integrations"],
  "contact-methods": [],
  notifications: ["contact-methods", "incidents"],
  escalations: ["escalation-policies", "incidents", "schedules", "teams"],
  tasks: ["incidents", "users"],
  "status-updates": ["incidents", "users"],
  postmortems: ["catalog", "incidents", "tasks", "users"],
  attachments: ["incidents"],
  analytics: ["users"],
};
const CORE = "./packages/core/src";
const FEATURE_DIRS = Object.keys(CORE_FEATURES).map((feature) => `${CORE}/${feature}`);

const boundaryZones = [
  { target: "./packages/db", from: ["./packages/core", "./apps", "./packages/sdk"], message: "db is the bottom layer: it never imports core or an app." },
  { target: "./packages/core", from: ["./apps", "./packages/sdk"], message: "core never imports an app." },
  { target: "./apps", from: CORE, except: ["./index.ts"], message: "Apps use core through `@incidentops/core` (its index), not a core file by path." },
  {
    target: [`${CORE}/!(index).ts`, `${CORE}/jobs/**`, `${CORE}/storage/**`],
    from: FEATURE_DIRS,
    message: "The core kernel imports no feature.",
  },
  {
    target: `${CORE}/delivery`,
    from: FEATURE_DIRS.filter((dir) => dir !== `${CORE}/incidents`),
    message: "delivery/ imports no feature (only the incident shapes of its payload).",
  },
  { target: `${CORE}/delivery`, from: `${CORE}/incidents`, except: ["./schema.ts"], message: "delivery/ uses only the incident shapes (incidents/schema.ts)." },
  ...Object.entries(CORE_FEATURES).map(([feature, allowed]) => ({
    target: `${CORE}/${feature}`,
    from: Object.keys(CORE_FEATURES)
      .filter((other) => other !== feature && !allowed.includes(other))
      .map((other) => `${CORE}/${other}`),
    message: `core/${feature} may import only the kernel and: ${allowed.join(", ") || "no other feature"} (see CORE_FEATURES in eslint.config.js).`,
  })),
  {
    target: FEATURE_DIRS.filter((dir) => dir !== `${CORE}/incidents`),
    from: `${CORE}/incidents/repository.ts`,
    message: "Incidents change only through incidents/lifecycle.ts (and are read through its service): not through its repository.",
  },
];

export default tseslint.config(
  // test/generated: what openapi-typescript writes (checked to be current by a test).
  // apps/web/src/components/ui: shadcn/ui's components as its generator writes them.
  {
    ignores: [
      "**/dist/**",
      "**/node_modules/**",
      ".data/**",
      "examples/**",
      "bench/results/**",
      "apps/api/test/generated/**",
      "apps/web/src/components/ui/**",
      "apps/web/test-results/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-confusing-void-expression": "off",
    },
  },
  {
    files: ["apps/*/src/**/*.ts", "packages/*/src/**/*.ts"],
    plugins: { import: importPlugin },
    settings: {
      "import/resolver": {
        typescript: {
          project: ["tsconfig.json", "apps/*/tsconfig.json", "packages/*/tsconfig.json"],
          // Workspace packages resolve to their sources, as in development and tests.
          conditionNames: ["@incidentops/source", "types", "import", "node", "default"],
          noWarnOnMultipleProjects: true,
        },
      },
    },
    rules: {
      "import/no-restricted-paths": ["error", { zones: boundaryZones }],
      // A boundary rule skips what it cannot resolve: every import must resolve.
      "import/no-unresolved": "error",
    },
  },
  {
    // The web app runs in the browser and depends on the API for types only: no server package at run time.
    files: ["apps/web/src/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "api", message: "The web app uses the API's types only: import type { AppRouter }.", allowTypeImports: true },
            { name: "@trpc/server", message: "Server code stays out of the browser bundle: import types only.", allowTypeImports: true },
          ],
          patterns: [{ group: ["@incidentops/*"], message: "Server packages stay out of the browser bundle: import types only.", allowTypeImports: true }],
        },
      ],
    },
  },
  {
    // TanStack Router's guards redirect by throwing its Redirect (not an Error): that is its API.
    files: ["apps/web/src/routes.tsx"],
    rules: { "@typescript-eslint/only-throw-error": ["error", { allow: [{ from: "package", package: "@tanstack/router-core", name: "Redirect" }] }] },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter: `{}` is how a fixture says it has none.
    files: ["apps/web/e2e/**/*.ts"],
    rules: { "no-empty-pattern": "off" },
  },
  {
    // vitest's asymmetric matchers (expect.any, expect.stringMatching) are typed `any`.
    files: ["**/test/**/*.ts"],
    rules: { "@typescript-eslint/no-unsafe-assignment": "off" },
  },
  {
    files: ["**/*.js"],
    ...tseslint.configs.disableTypeChecked,
  },
);
