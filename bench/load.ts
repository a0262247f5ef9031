/**
 * The load generator: a child process of its own (so it does not share a core's event loop with
 * the orchestrator), driving one scenario with autocannon's programmatic API. It reads a
 * LoadSpec from the JSON file named by its first argument and reports over IPC: "measuring"
 * when the measured part starts, then the result.
 */
import { performance } from "node:perf_hooks";
import autocannon from "autocannon";
import { percentile, readSpec, round, runChild, send } from "./child.js";
import type { LoadResult, LoadSpec, RequestPlan } from "./types.js";

interface Next {
  path: string;
  body?: string | undefined;
}

/**
 * The plan's request sequence. One counter for the whole process (warm-up and measured run
 * alike), shared by every connection, so no dedup key or incident is used twice by accident.
 */
function sequenceOf(plan: RequestPlan): () => Next {
  let i = 0;
  switch (plan.kind) {
    case "static":
      return () => ({ path: plan.path, body: plan.body });
    case "rotate": {
      const { items } = plan;
      const first = items[0];
      if (first === undefined) throw new Error("a rotating plan needs items");
      // Past the end of a non-cycling list the last item is sent again (and counted as the error
      // it then is); callers size `amount` to stay within the list.
      return () => {
        const index = plan.cycle ? i % items.length : Math.min(i, items.length - 1);
        i++;
        return items[index] ?? first;
      };
    }
    case "enqueue":
      return () => {
        const n = i++;
        const key =
          plan.uniqueEvery <= 1 || n % plan.uniqueEvery === 0 ? `${plan.keyPrefix}-u${n}` : `${plan.keyPrefix}-r${n % plan.repeatKeys}`;
        const body = JSON.stringify({
          routing_key: plan.routingKey,
          event_action: "trigger",
          dedup_key: key,
          payload: { summary: `Bench alert ${key}`, source: "bench.local", severity: "error", component: "checkout" },
        });
        return { path: plan.path, body };
      };
  }
}

const methodOf = (plan: RequestPlan) => (plan.kind === "enqueue" ? "POST" : plan.method);

async function run(spec: LoadSpec, next: () => Next, measure: boolean, seconds: number | undefined): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const options: autocannon.Options = {
    url: spec.baseUrl,
    connections: spec.connections,
    headers: { "content-type": "application/json", ...spec.headers },
    requests: [
      {
        method: methodOf(spec.plan),
        setupRequest: (request) => {
          const { path, body } = next();
          return body === undefined ? { ...request, path } : { ...request, path, body };
        },
      },
    ],
    timeout: spec.timeoutSeconds,
    ...(seconds !== undefined ? { duration: seconds } : spec.amount !== undefined ? { amount: spec.amount } : { duration: 10 }),
  };
  const startedAt = performance.now();
  let lastResponseAt = startedAt;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, res: autocannon.Result) => {
      if (error !== null && error !== undefined) reject(error instanceof Error ? error : new Error("autocannon failed", { cause: error }));
      else resolve(res);
    });
    if (measure) {
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        lastResponseAt = performance.now();
        statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
        if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
      });
    }
  });
  const durationSeconds = (lastResponseAt - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const mean = latencies.length === 0 ? 0 : latencies.reduce((a, b) => a + b, 0) / latencies.length;
  return {
    requests,
    durationSeconds: round(durationSeconds, 3),
    rps: durationSeconds > 0 ? round(requests / durationSeconds, 1) : 0,
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    mean: round(mean),
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
  };
}

async function main() {
  const spec = await readSpec<LoadSpec>();
  const next = sequenceOf(spec.plan);
  if (spec.warmupSeconds > 0) await run(spec, next, false, spec.warmupSeconds);
  await send({ type: "measuring" });
  const result = await run(spec, next, true, spec.durationSeconds);
  await send({ type: "result", result });
}

runChild(main);
