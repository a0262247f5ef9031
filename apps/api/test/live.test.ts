import { randomBytes, randomUUID } from "node:crypto";
import type { Incident, StreamTicket } from "@incidentops/core";
import { createLogger, hashSecretToken, signAccessToken } from "@incidentops/core";
import { sql } from "@incidentops/db";
import jwt from "jsonwebtoken";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import {
  addMember,
  anApiKey,
  anIncident,
  anOrgOwner,
  aService,
  aUserWithRole,
  aWebhookTarget,
  countRows,
  ok,
  raceBehindLock,
  sleep,
  waitFor,
  useTestApi,
  writeCallsCounted,
  type Account,
} from "@incidentops/testkit";
import { startChangeFeed } from "../src/live/change-feed.js";
import { aStreamTicket, openLiveStream, openLiveStreamWith, type LiveStream } from "./support/live.js";

// Live incident updates: a tRPC subscription over server-sent events, fed by the triggers of
// migration 0040 through the API's LISTEN connection, re-read for each subscriber. Another org's
// changes never reach a stream: tenancy-lists.test.ts.

const api = useTestApi();

const streams: LiveStream[] = [];
const rawStreams: AbortController[] = [];
afterEach(() => {
  for (const stream of streams.splice(0)) stream.close();
  for (const raw of rawStreams.splice(0)) raw.abort();
});
async function open(token: string) {
  const stream = await openLiveStream(api.current, token);
  streams.push(stream);
  return stream;
}

/** The stream's raw server-sent events, opened with a ticket taken with `token`, as a client other than tRPC's reads them. */
async function rawLiveStream(token: string, options: { headers?: Record<string, string>; query?: string } = {}) {
  const aborted = new AbortController();
  const connectionParams = encodeURIComponent(JSON.stringify({ ticket: (await aStreamTicket(api.current, token)).ticket }));
  const res = await fetch(`${api.current.baseUrl}/trpc/live.incidents?connectionParams=${connectionParams}${options.query ?? ""}`, {
    headers: { accept: "text/event-stream", ...options.headers },
    signal: aborted.signal,
  });
  expect(res.status).toBe(200);
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  rawStreams.push(aborted);
  return {
    /** Everything received until `pattern` shows (or the stream ends). */
    until: async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const chunk = await reader?.read();
        if (chunk === undefined || chunk.done) break;
        text += chunk.value;
      }
      return text;
    },
  };
}

async function orgWithService(): Promise<{ owner: Account; serviceId: string }> {
  const owner = await anOrgOwner(api.current);
  return { owner, serviceId: (await aService(api.current, owner.accessToken)).id };
}

const transition = (token: string, incident: Incident, toStatus: string) =>
  ok(api.current.request<Incident>("POST", `/v1/incidents/${incident.id}/transition`, { token, body: { toStatus, version: incident.version } }), 200, "transition");

describe("the live incident stream", () => {
  it("starts with a reset, then carries each change (opened, acknowledged, commented) with the incident as it is now", async () => {
    const { owner, serviceId } = await orgWithService();
    const stream = await open(owner.accessToken);
    expect(stream.messages[0]).toEqual({ reset: true, incidents: [], timelineChanged: [], notificationsChanged: [] });

    const incident = await anIncident(api.current, owner.accessToken, serviceId, { title: "Live one" });
    const opened = await stream.next((m) => m.timelineChanged.includes(incident.id));
    expect(opened.incidents).toEqual([incident]);

    const acked = await transition(owner.accessToken, incident, "acknowledged");
    const moved = await stream.next((m) => m.incidents.some((i) => i.id === incident.id && i.status === "acknowledged"));
    expect(moved.incidents.find((i) => i.id === incident.id)).toEqual(acked);

    await ok(api.current.request("POST", `/v1/incidents/${incident.id}/comment`, { token: owner.accessToken, body: { body: "on it" } }), 201, "comment");
    await stream.next((m) => m.timelineChanged.includes(incident.id) && m.incidents.some((i) => i.version === acked.version));
  });

  it("reaches a viewer too (reading incidents is theirs), within a second", async () => {
    const { owner, serviceId } = await orgWithService();
    const viewer = await aUserWithRole(api.current, owner.org.id, "viewer");
    const stream = await open(viewer.accessToken);
    const started = Date.now();
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    await stream.next((m) => m.timelineChanged.includes(incident.id));
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("ends (with 401) once the subscriber is no longer a member, sending nothing more", async () => {
    const { owner, serviceId } = await orgWithService();
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    const stream = await open(member.accessToken);
    await ok(api.current.request("DELETE", `/v1/org/members/${member.user.id}`, { token: owner.accessToken }), 200, "remove member");
    await anIncident(api.current, owner.accessToken, serviceId, { title: "after the removal" });
    await waitFor(() => stream.error, 10_000, "the stream to fail");
    expect(stream.error?.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
    expect(stream.messages.slice(1)).toEqual([]);
  });

  it("ends with tRPC's own code for 401 on the wire too (-32001, as when refused at the start), not -32603", async () => {
    const { owner, serviceId } = await orgWithService();
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    const stream = await rawLiveStream(member.accessToken);
    await stream.until(/"reset":true/);
    await ok(api.current.request("DELETE", `/v1/org/members/${member.user.id}`, { token: owner.accessToken }), 200, "remove member");
    await anIncident(api.current, owner.accessToken, serviceId);
    const failure = /event: serialized-error\ndata: (.*)\n/.exec(await stream.until(/event: serialized-error\ndata: .*\n/))?.[1];
    expect(JSON.parse(failure ?? "{}")).toMatchObject({ code: -32001, data: { code: "UNAUTHORIZED", httpStatus: 401 } });
  });

  it("ignores a Last-Event-ID (the stream has no event ids) and starts with a reset", async () => {
    const { owner } = await orgWithService();
    for (const options of [{ headers: { "last-event-id": "garbage" } }, { query: "&lastEventId=12" }]) {
      const text = await (await rawLiveStream(owner.accessToken, options)).until(/"reset"|serialized-error/);
      expect(text).toContain('"reset":true');
      expect(text).not.toContain("serialized-error");
    }
  });

  it("ends when the access token expires, so the client comes back with a renewed one", async () => {
    const { owner } = await orgWithService();
    const shortLived = signAccessToken({ ...api.current.config.jwt, accessTokenTtlSeconds: 2 }, { userId: owner.user.id, orgId: owner.org.id, role: "admin" });
    const stream = await open(shortLived);
    await waitFor(() => (stream.completed ? true : undefined), 10_000, "the stream to end");
    expect(stream.error).toBeUndefined();
  });

  it("reports a delivery's progress as a notifications change", async () => {
    const { owner, serviceId } = await orgWithService();
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    const stream = await open(owner.accessToken);
    // The worker's write, as it makes it: an attempt row changing (here straight in the database).
    const event = await api.current.db.selectFrom("incident_events").select("id").where("incident_id", "=", incident.id).executeTakeFirstOrThrow();
    const target = await aWebhookTarget(api.current, owner.accessToken, "http://127.0.0.1:1/hook");
    await api.current.db
      .insertInto("notification_attempts")
      .values({ org_id: owner.org.id, event_id: event.id, event_seq: "1", target_id: target.id, incident_id: incident.id, channel: "webhook" })
      .execute();
    const message = await stream.next((m) => m.notificationsChanged.includes(incident.id));
    expect(message.timelineChanged).toEqual([]);
  });
});

describe("the API's change feed", () => {
  it("resets a subscriber that came before its first LISTEN, which heard nothing until then", async () => {
    const feed = startChangeFeed({ connectionString: api.current.appDatabaseUrl, logger: createLogger({ level: "silent", name: "feed-test" }) });
    const subscription = new AbortController();
    try {
      const changes = feed.changes(randomUUID(), subscription.signal);
      const first = changes.next();
      await feed.ready();
      const answer = await Promise.race([first, sleep(2_000).then(() => "nothing")]);
      expect(answer).toMatchObject({ done: false, value: { reset: true } });
    } finally {
      subscription.abort();
      await feed.close();
    }
  });
});

describe("stream tickets", () => {
  /** What a refused stream failed with (it never opened), for comparing refusals. */
  async function refusal(connectionParams: Record<string, string>) {
    const stream = await openLiveStreamWith(api.current, connectionParams);
    streams.push(stream);
    expect(stream.messages).toEqual([]);
    return stream.error?.data;
  }
  const unknownTicket = () => refusal({ ticket: randomBytes(32).toString("base64url") });

  it("are 256 random bits (base64url), valid 30 s, stored only as their SHA-256, with whom and until when they act for", async () => {
    const { owner } = await orgWithService();
    const res = await api.current.request<StreamTicket>("POST", "/v1/live/tickets", { token: owner.accessToken });
    expect(res.status).toBe(201);
    expect(res.body.ticket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeGreaterThan(25_000);
    expect(Date.parse(res.body.expiresAt) - Date.now()).toBeLessThanOrEqual(30_000);
    const rows = await api.current.db.selectFrom("stream_tickets").selectAll().where("org_id", "=", owner.org.id).execute();
    expect(rows).toHaveLength(1);
    const tokenExpiry = (jwt.decode(owner.accessToken) as { exp: number }).exp * 1000;
    expect(rows[0]).toMatchObject({ token_hash: hashSecretToken(res.body.ticket), user_id: owner.user.id, api_key_id: null, access_token_expires_at: new Date(tokenExpiry) });
    expect(JSON.stringify(rows)).not.toContain(res.body.ticket);
  });

  it("are the only way in: no ticket, an access token in connectionParams, or an unknown ticket is 401, the same for all", async () => {
    const { owner } = await orgWithService();
    const missing = await refusal({});
    expect(missing).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
    expect(await refusal({ authorization: `Bearer ${owner.accessToken}` })).toEqual({ ...missing, traceId: expect.any(String) });
    expect(await unknownTicket()).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401, message: expect.stringContaining("stream ticket") });
  });

  it("open one stream, once: a ticket used or expired is refused as an unknown one, and leaves no row", async () => {
    const { owner } = await orgWithService();
    const { ticket } = await aStreamTicket(api.current, owner.accessToken);
    const first = await openLiveStreamWith(api.current, { ticket });
    streams.push(first);
    expect(first.messages[0]).toMatchObject({ reset: true });
    const unknown = await unknownTicket();
    expect(await refusal({ ticket })).toEqual({ ...unknown, traceId: expect.any(String) });
    expect(await countRows(api.current.db, "stream_tickets", { org_id: owner.org.id })).toBe(0);

    const late = await aStreamTicket(api.current, owner.accessToken);
    await api.current.db.updateTable("stream_tickets").set({ expires_at: sql<Date>`now() - interval '1 second'` }).where("token_hash", "=", hashSecretToken(late.ticket)).execute();
    expect(await refusal({ ticket: late.ticket })).toEqual({ ...unknown, traceId: expect.any(String) });
  });

  it("open exactly one of the streams that present one ticket at once", async () => {
    const { owner } = await orgWithService();
    const { ticket } = await aStreamTicket(api.current, owner.accessToken);
    // Both openings wait on the ticket's row, held here, before either can take it.
    const both = await raceBehindLock(
      api.current.db,
      (tx) => tx.selectFrom("stream_tickets").select("id").where("token_hash", "=", hashSecretToken(ticket)).forUpdate().execute(),
      () => [openLiveStreamWith(api.current, { ticket }), openLiveStreamWith(api.current, { ticket })],
    );
    streams.push(...both);
    expect(both.filter((stream) => stream.messages[0]?.reset === true)).toHaveLength(1);
    expect(both.filter((stream) => stream.error !== undefined).map((stream) => stream.error?.data?.code)).toEqual(["UNAUTHORIZED"]);
  });

  it("of a person no longer a member of its org, or of a revoked API key, are refused as unknown ones", async () => {
    const { owner } = await orgWithService();
    const unknown = await unknownTicket();
    const member = await aUserWithRole(api.current, owner.org.id, "member");
    const members = await aStreamTicket(api.current, member.accessToken);
    await ok(api.current.request("DELETE", `/v1/org/members/${member.user.id}`, { token: owner.accessToken }), 200, "remove member");
    expect(await refusal({ ticket: members.ticket })).toEqual({ ...unknown, traceId: expect.any(String) });

    const key = await anApiKey(api.current, owner.accessToken);
    const keys = await aStreamTicket(api.current, key.secret);
    await ok(api.current.request("POST", `/v1/org/api-keys/${key.id}/revoke`, { token: owner.accessToken }), 200, "revoke key");
    expect(await refusal({ ticket: keys.ticket })).toEqual({ ...unknown, traceId: expect.any(String) });
  });

  it("may be taken by a read-only API key, as no write call, and its stream ends when the key is revoked", async () => {
    const { owner, serviceId } = await orgWithService();
    const key = await anApiKey(api.current, owner.accessToken, { scope: "read" });
    const writes = await writeCallsCounted(api.current.db, owner.org.id);
    const stream = await open(key.secret);
    expect(await writeCallsCounted(api.current.db, owner.org.id)).toBe(writes);
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    await stream.next((m) => m.timelineChanged.includes(incident.id));
    await ok(api.current.request("POST", `/v1/org/api-keys/${key.id}/revoke`, { token: owner.accessToken }), 200, "revoke key");
    await anIncident(api.current, owner.accessToken, serviceId);
    await waitFor(() => stream.error, 10_000, "the stream to fail");
    expect(stream.error?.data).toMatchObject({ code: "UNAUTHORIZED", httpStatus: 401 });
  });

  it("that expired unused are deleted when their org takes another", async () => {
    const { owner } = await orgWithService();
    const other = await orgWithService();
    const stale = await aStreamTicket(api.current, owner.accessToken);
    const othersStale = await aStreamTicket(api.current, other.owner.accessToken);
    await api.current.db.updateTable("stream_tickets").set({ expires_at: sql<Date>`now() - interval '1 second'` }).where("token_hash", "in", [hashSecretToken(stale.ticket), hashSecretToken(othersStale.ticket)]).execute();
    const fresh = await aStreamTicket(api.current, owner.accessToken);
    const left = await api.current.db.selectFrom("stream_tickets").select("token_hash").where("org_id", "in", [owner.org.id, other.owner.org.id]).execute();
    expect(left.map((row) => row.token_hash)).toEqual(expect.arrayContaining([hashSecretToken(fresh.ticket), hashSecretToken(othersStale.ticket)]));
    expect(left).toHaveLength(2);
  });
});

describe("the announcements (migration 0040)", () => {
  /** Every announcement on incident_changes while `work` runs. */
  async function announcementsDuring(work: () => Promise<unknown>): Promise<{ o: string; k: string; i: string[] | null }[]> {
    const listener = new pg.Client({ connectionString: api.current.appDatabaseUrl });
    await listener.connect();
    const heard: { o: string; k: string; i: string[] | null }[] = [];
    listener.on("notification", (n) => heard.push(JSON.parse(n.payload ?? "{}") as (typeof heard)[number]));
    try {
      await listener.query("LISTEN incident_changes");
      await work();
      // The marker arrives after everything committed before it.
      await listener.query("SELECT pg_notify('incident_changes', '{\"marker\":true}')");
      await waitFor(() => (heard.some((h) => "marker" in h) ? true : undefined), 5_000, "the marker");
      return heard.filter((h) => !("marker" in h));
    } finally {
      await listener.end();
    }
  }

  it("are one per transaction for an API change, naming the org and the incident, never its data", async () => {
    const { owner, serviceId } = await orgWithService();
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    const heard = await announcementsDuring(() => transition(owner.accessToken, incident, "acknowledged"));
    expect(heard).toEqual([{ o: owner.org.id, k: "timeline", i: [incident.id] }]);
  });

  it("are one per statement and org for a batch, not one per row; past 100 incidents they name none", async () => {
    const a = await orgWithService();
    const b = await orgWithService();
    const incidents = async (org: { owner: Account; serviceId: string }, n: number) => {
      const rows = await api.current.db
        .insertInto("incidents")
        .values(Array.from({ length: n }, (_, k) => ({ org_id: org.owner.org.id, service_id: org.serviceId, title: `batch ${k}` })))
        .returning(["id", "org_id"])
        .execute();
      return rows;
    };
    const many = [...(await incidents(a, 3)), ...(await incidents(b, 101))];
    const heard = await announcementsDuring(() =>
      api.current.db
        .insertInto("incident_events")
        .values(many.map((r) => ({ org_id: r.org_id, incident_id: r.id, kind: "created", data: "{}" })))
        .execute(),
    );
    expect(heard).toHaveLength(2);
    expect(heard).toContainEqual({ o: a.owner.org.id, k: "timeline", i: many.filter((r) => r.org_id === a.owner.org.id).map((r) => r.id).sort() });
    expect(heard).toContainEqual({ o: b.owner.org.id, k: "timeline", i: null });
  });

  it("are delivered once per transaction however many statements announce the same incident", async () => {
    const { owner, serviceId } = await orgWithService();
    const incident = await anIncident(api.current, owner.accessToken, serviceId);
    const heard = await announcementsDuring(() =>
      api.current.db.transaction().execute(async (tx) => {
        for (let k = 0; k < 3; k++) {
          await sql`INSERT INTO incident_events (org_id, incident_id, kind, data) VALUES (${owner.org.id}, ${incident.id}, 'commented', '{}')`.execute(tx);
        }
      }),
    );
    expect(heard).toEqual([{ o: owner.org.id, k: "timeline", i: [incident.id] }]);
  });
});

it("a member of two orgs hears only the org their ticket was taken in", async () => {
  const a = await orgWithService();
  const b = await orgWithService();
  await addMember(api.current.db, b.owner.org.id, a.owner.user.id, "member");
  const stream = await open(a.owner.accessToken);
  const inB = await anIncident(api.current, b.owner.accessToken, b.serviceId);
  const inA = await anIncident(api.current, a.owner.accessToken, a.serviceId);
  await stream.next((m) => m.timelineChanged.includes(inA.id));
  await sleep(200);
  expect(stream.messages.flatMap((m) => [...m.timelineChanged, ...m.incidents.map((i) => i.id)])).not.toContain(inB.id);
});
