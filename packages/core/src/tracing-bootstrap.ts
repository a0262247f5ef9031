// The tracing bootstrap: `node --import tsx --import ./packages/core/src/tracing-bootstrap.ts
// <main>`, loaded before the application so that its modules (http, express, pg, undici) load
// instrumented. Configured only by the standard OTEL_* variables (OTEL_TRACES_EXPORTER,
// OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_SERVICE_NAME, ...): without an exporter it does nothing.
import { register } from "node:module";
import { tracingConfigured } from "./config.js";
import { TRACING_SDK_KEY } from "./tracing.js";

if (tracingConfigured(process.env)) {
  register("@opentelemetry/instrumentation/hook.mjs", import.meta.url);
  const [{ NodeSDK }, { HttpInstrumentation }, { ExpressInstrumentation }, { PgInstrumentation }, { UndiciInstrumentation }] = await Promise.all([
    import("@opentelemetry/sdk-node"),
    import("@opentelemetry/instrumentation-http"),
    import("@opentelemetry/instrumentation-express"),
    import("@opentelemetry/instrumentation-pg"),
    import("@opentelemetry/instrumentation-undici"),
  ]);
  const sdk = new NodeSDK({
    serviceName: process.env.OTEL_SERVICE_NAME ?? (process.argv.some((arg) => arg.includes("apps/worker")) ? "incidentops-worker" : "incidentops-api"),
    instrumentations: [
      // Health probes would drown the traces.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => req.url === "/healthz" || req.url === "/readyz" }),
      new ExpressInstrumentation(),
      // Queries of a request or a job; not the job runner's polling and heartbeats.
      new PgInstrumentation({ requireParentSpan: true }),
      new UndiciInstrumentation(),
    ],
  });
  sdk.start();
  (globalThis as Record<symbol, unknown>)[TRACING_SDK_KEY] = sdk;
}
