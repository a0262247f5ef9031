/**
 * Tenant isolation of delivery capacity: one org's webhook targets are black holes (they accept
 * the connection and never answer, so each delivery holds until its timeout) while another org's
 * incidents are notified. Measures the quiet org's trigger-to-webhook latency meanwhile.
 */
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { never, startWebhookReceiver } from "@incidentops/testkit/loopback";
import { sleep } from "./processes.js";
import type { Receiver } from "./receiver.js";
import type { ApiClient } from "./seed.js";
import type { IsolationResults } from "./types.js";

export interface IsolationContext {
  api: ApiClient;
  /** Where the quiet org's webhooks go (verified, timed). */
  receiver: Receiver;
  blackHoles: number;
  /** Incidents the noisy org opens (each notifies every black hole). */
  noisyIncidents: number;
  /** The quiet org's incidents, one every `intervalMs`. */
  quietIncidents: number;
  intervalMs: number;
  log: (line: string) => void;
}

async function anOrg(api: ApiClient, name: string) {
  const suffix = randomBytes(4).toString("hex");
  const registered = await api.call<{ accessToken: string }>("POST", "/v1/auth/register", {
    email: `${name}-${suffix}@example.com`,
    password: `Bench-${randomBytes(12).toString("hex")}`,
    name,
    orgName: `${name} ${suffix}`,
  });
  const token = registered.accessToken;
  const service = await api.call<{ id: string }>("POST", "/v1/org/services", { name: `${name}-service` }, token);
  return { token, serviceId: service.id };
}

function percentile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return value === undefined ? null : Math.round(value * 10) / 10;
}

export async function measureIsolation(ctx: IsolationContext): Promise<IsolationResults> {
  const blackHole = await startWebhookReceiver(() => never<number>(), { record: false });
  try {
    const noisy = await anOrg(ctx.api, "noisy");
    for (let i = 0; i < ctx.blackHoles; i++) {
      await ctx.api.call("POST", "/v1/org/notification-targets", { name: `black hole ${i}`, type: "webhook", config: { url: `${blackHole.url}/hole-${i}` } }, noisy.token);
    }
    const quiet = await anOrg(ctx.api, "quiet");
    const target = await ctx.api.call<{ secret: string }>("POST", "/v1/org/notification-targets", { name: "quiet", type: "webhook", config: { url: ctx.receiver.url } }, quiet.token);
    ctx.receiver.setSecret(target.secret);

    ctx.log(`  ${ctx.blackHoles} black-hole targets, ${ctx.noisyIncidents} noisy incidents; ${ctx.quietIncidents} quiet incidents every ${ctx.intervalMs} ms ...`);
    for (let i = 0; i < ctx.noisyIncidents; i++) {
      await ctx.api.call("POST", `/v1/services/${noisy.serviceId}/incidents`, { title: `noise ${i}` }, noisy.token);
    }

    const runId = randomBytes(3).toString("hex");
    const sentAt = new Map<string, number>();
    const latencies: number[] = [];
    const stop = ctx.receiver.onArrival((a) => {
      const sent = a.incidentTitle === null ? undefined : sentAt.get(a.incidentTitle);
      if (sent !== undefined) latencies.push(a.at - sent);
    });
    for (let i = 0; i < ctx.quietIncidents; i++) {
      const title = `quiet-${runId}-${i}`;
      sentAt.set(title, performance.now());
      await ctx.api.call("POST", `/v1/services/${quiet.serviceId}/incidents`, { title }, quiet.token);
      await sleep(ctx.intervalMs);
    }
    const deadline = performance.now() + 30_000;
    while (latencies.length < ctx.quietIncidents && performance.now() < deadline) await sleep(50);
    stop();
    return {
      blackHoles: ctx.blackHoles,
      noisyIncidents: ctx.noisyIncidents,
      quietIncidents: ctx.quietIncidents,
      arrived: latencies.length,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      max: percentile(latencies, 1),
      timedOut: latencies.length < ctx.quietIncidents,
    };
  } finally {
    await blackHole.close();
  }
}
