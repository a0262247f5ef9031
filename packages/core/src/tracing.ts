import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { getRPCMetadata, RPCType } from "@opentelemetry/core";

// Tracing, as the code sees it: no-ops unless the process was started with the tracing bootstrap
// (tracing-bootstrap.ts) and an exporter is configured by the standard OTEL_* variables.

// Asked for at each use: a tracer taken before the SDK registered would stay a no-op (this
// module's ESM copy of the API keeps its own proxy, which the SDK's CommonJS copy never fills).
const tracer = () => trace.getTracer("incidentops");

/** The trace id of the span in progress (a request's, a job's), or undefined when tracing is off. */
export function currentTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext !== undefined && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** The W3C `traceparent` of the span in progress, to carry into a job's payload (empty when tracing is off). */
export function traceCarrier(): { traceparent?: string } {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent === undefined ? {} : { traceparent: carrier.traceparent };
}

/**
 * Names the HTTP request in progress by the route it matched (`/v1/incidents/:incidentId`): its
 * span becomes `GET /v1/incidents/:incidentId`, as express's instrumentation names the requests
 * express routes, for those served without it.
 */
export function nameRequestRoute(route: string): void {
  const metadata = getRPCMetadata(context.active());
  if (metadata?.type === RPCType.HTTP) metadata.route = route;
}

/** Runs a job in a span of its own, the child of the span that enqueued it (its payload's `traceparent`). */
export function inJobSpan<T>(task: string, payload: unknown, attributes: Record<string, string | number>, run: () => Promise<T>): Promise<T> {
  const traceparent = typeof payload === "object" && payload !== null && "traceparent" in payload ? payload.traceparent : undefined;
  const parent = typeof traceparent === "string" ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
  return tracer().startActiveSpan(`job ${task}`, { kind: SpanKind.CONSUMER, attributes: { "job.task": task, ...attributes } }, parent, async (span) => {
    try {
      return await run();
    } catch (error) {
      span.recordException(error instanceof Error ? error : String(error));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

const SDK = Symbol.for("incidentops.tracing.sdk");

/** Sends the spans still buffered and stops tracing (before the process exits); nothing when tracing is off. */
export async function shutdownTracing(): Promise<void> {
  const sdk = (globalThis as { [SDK]?: { shutdown: () => Promise<void> } })[SDK];
  await sdk?.shutdown().catch(() => undefined);
}

export { SDK as TRACING_SDK_KEY };
