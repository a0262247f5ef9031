/**
 * The bare sender: the delivery ceiling. A child process that signs webhooks per Standard
 * Webhooks (the `standardwebhooks` package, as packages/core/src/delivery/webhook.ts) and POSTs
 * them to the receiver over keep-alive connections (an undici Pool), `connections` in flight,
 * as fast as it can: no database, no job queue, no attempt records. Reads a SenderSpec from the
 * JSON file named by its first argument and reports like the load generator (bench/load.ts).
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { Webhook } from "standardwebhooks";
import { Pool } from "undici";
import { percentile, readSpec, round, runChild, send } from "./child.js";
import type { LoadResult, SenderSpec } from "./types.js";

/** About the size and shape of a notification's body (packages/core/src/delivery/payload.ts). */
function bodyOf(n: number): string {
  const at = new Date().toISOString();
  return JSON.stringify({
    type: "incident.triggered",
    timestamp: at,
    org: { id: "00000000-0000-4000-8000-000000000001" },
    event: { id: randomUUID(), kind: "created", createdAt: at, data: { severity: "sev2", status: "triggered" } },
    incident: {
      id: randomUUID(),
      title: `Bare sender ${n}`,
      description: "Sent by the benchmark's bare sender",
      status: "triggered",
      severity: "sev2",
      serviceId: "00000000-0000-4000-8000-000000000002",
      dedupKey: `bare-${n}`,
      alertCount: 1,
      createdAt: at,
      url: "http://127.0.0.1/incidents/bare",
    },
  });
}

async function run(spec: SenderSpec, pool: Pool, seconds: number, measure: boolean): Promise<LoadResult> {
  const signer = new Webhook(spec.secret);
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let n = 0;
  const startedAt = performance.now();
  const until = startedAt + seconds * 1000;
  let lastAt = startedAt;
  const lane = async () => {
    while (performance.now() < until) {
      const id = `msg_${randomUUID()}`;
      const body = bodyOf(n++);
      const timestamp = new Date(Math.floor(Date.now() / 1000) * 1000);
      const sent = performance.now();
      try {
        const res = await pool.request({
          path: spec.path,
          method: "POST",
          headers: {
            "content-type": "application/json",
            "webhook-id": id,
            "webhook-timestamp": String(timestamp.getTime() / 1000),
            "webhook-signature": signer.sign(id, timestamp, body),
          },
          body,
          headersTimeout: spec.timeoutSeconds * 1000,
          bodyTimeout: spec.timeoutSeconds * 1000,
        });
        await res.body.dump();
        lastAt = performance.now();
        if (!measure) continue;
        statusCodes[res.statusCode] = (statusCodes[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 200 && res.statusCode < 300) latencies.push(lastAt - sent);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: spec.connections }, lane));
  const durationSeconds = (lastAt - startedAt) / 1000;
  latencies.sort((a, b) => a - b);
  const requests = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  return {
    requests,
    durationSeconds: round(durationSeconds, 3),
    rps: durationSeconds > 0 ? round(latencies.length / durationSeconds, 1) : 0,
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    mean: latencies.length === 0 ? 0 : round(latencies.reduce((a, b) => a + b, 0) / latencies.length),
    non2xx: requests - latencies.length,
    errors,
    statusCodes,
  };
}

async function main() {
  const spec = await readSpec<SenderSpec>();
  const pool = new Pool(spec.baseUrl, { connections: spec.connections, keepAliveTimeout: 60_000 });
  try {
    if (spec.warmupSeconds > 0) await run(spec, pool, spec.warmupSeconds, false);
    await send({ type: "measuring" });
    await send({ type: "result", result: await run(spec, pool, spec.durationSeconds, true) });
  } finally {
    await pool.close();
  }
}

runChild(main);
