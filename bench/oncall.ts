/**
 * The on-call scenarios' data: 30 people (as the owner, in SQL), and through the API 200
 * schedules of two or three layers with restrictions and overrides, the first of them the
 * three-layer schedule whose 90 days are rendered, plus escalation policies naming people.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import type { ApiClient, SeededOrg } from "./seed.js";

export interface SeededOnCall {
  /** The three-layer schedule with restrictions and overrides. */
  renderScheduleId: string;
  schedules: number;
  people: number;
  overrides: number;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const weekdays = (startTime: string, durationMinutes: number) => [1, 2, 3, 4, 5].map((startDay) => ({ type: "weekly", startDay, startTime, durationMinutes }));

/** People straight into the org, as the owner: the API has no "add a member" (people accept invitations). */
async function seedPeople(ownerUrl: string, orgId: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: ownerUrl, application_name: "incidentops-bench-seed" });
  await client.connect();
  try {
    const ids = Array.from({ length: count }, () => randomUUID());
    await client.query(
      `INSERT INTO users (id, email, name, password_hash)
       SELECT id, 'oncall-' || id || '@example.com', 'On-call person ' || n, 'not-a-usable-hash'
         FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [ids],
    );
    await client.query("INSERT INTO org_members (org_id, user_id, role) SELECT $1, id, 'member' FROM unnest($2::uuid[]) AS id", [orgId, ids]);
    return ids;
  } finally {
    await client.end();
  }
}

/** Three layers: weekly for everyone, office hours on weekdays, 12-hour nights (22:00-06:00). */
function threeLayers(people: string[], offset: number, zone: string) {
  const pick = (n: number) => Array.from({ length: n }, (_, i) => people[(offset + i) % people.length] ?? "");
  return {
    timeZone: zone,
    layers: [
      { name: "Weekly", start: "2026-01-01T00:00:00Z", rotationStart: "2026-01-05T08:00:00Z", rotation: { unit: "week", length: 1 }, participants: pick(6) },
      {
        name: "Office hours",
        start: "2026-01-01T00:00:00Z",
        rotationStart: "2026-01-05T08:00:00Z",
        rotation: { unit: "day", length: 1 },
        participants: pick(4),
        restrictions: weekdays("09:00", 480),
      },
      {
        name: "Nights",
        start: "2026-01-01T00:00:00Z",
        rotationStart: "2026-01-05T21:00:00Z",
        rotation: { unit: "hour", length: 12 },
        participants: pick(3),
        restrictions: [{ type: "daily", startTime: "22:00", durationMinutes: 480 }],
      },
    ],
  };
}

const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC", "Australia/Sydney"];

export async function seedOnCall(api: ApiClient, ownerUrl: string, org: SeededOrg, schedules = 200): Promise<SeededOnCall> {
  const people = await seedPeople(ownerUrl, org.orgId, 30);
  const now = Math.ceil(Date.now() / HOUR_MS) * HOUR_MS;
  let renderScheduleId = "";
  let overrides = 0;
  for (let i = 0; i < schedules; i++) {
    const body = threeLayers(people, i, ZONES[i % ZONES.length] ?? "UTC");
    // Every other schedule has two layers only.
    const layers = i % 2 === 0 ? body.layers : body.layers.slice(0, 2);
    const schedule = await api.call<{ id: string }>("POST", "/v1/org/schedules", { name: `rota-${String(i).padStart(3, "0")}`, timeZone: body.timeZone, layers }, org.token);
    if (i === 0) renderScheduleId = schedule.id;
    // The rendered one has 20 overrides over its 90 days (some overlapping); the others one or two.
    const count = i === 0 ? 20 : 1 + (i % 2);
    for (let k = 0; k < count; k++) {
      const start = now + (k * 4 + 1) * DAY_MS + (k % 3) * 5 * HOUR_MS;
      const userId = people[(i + k * 7) % people.length] ?? "";
      await api.call("POST", `/v1/org/schedules/${schedule.id}/overrides`, { userId, start: new Date(start).toISOString(), end: new Date(start + (6 + (k % 4) * 12) * HOUR_MS).toISOString() }, org.token);
      overrides += 1;
    }
  }
  for (let p = 0; p < 20; p++) {
    const targets = [0, 1].map((k) => ({ type: "user", userId: people[(p + k) % people.length] ?? "" }));
    await api.call("POST", "/v1/org/escalation-policies", { name: `oncall-policy-${p}`, levels: [{ delaySeconds: 300, targets }, { delaySeconds: 600, targets: targets.slice(0, 1) }] }, org.token);
  }
  return { renderScheduleId, schedules, people: people.length, overrides };
}

/** The shifts of the next 90 days of the three-layer schedule. */
export function renderPath(seeded: SeededOnCall): string {
  const since = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS);
  const until = new Date(since.getTime() + 90 * DAY_MS);
  return `/v1/org/schedules/${seeded.renderScheduleId}/shifts?since=${since.toISOString()}&until=${until.toISOString()}`;
}
