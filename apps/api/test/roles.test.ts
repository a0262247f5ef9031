import type { TokenResponse } from "@incidentops/core";
import type { OrgRole } from "@incidentops/db";
import { TRPCClientError } from "@trpc/client";
import { beforeAll, describe, expect, it } from "vitest";
import { createIncident, createService, incidentState, register, userWithRole, useTestApi, type HttpResponse, type TestApi } from "./helpers.js";

const api = useTestApi();

const ROLES = ["viewer", "member", "admin"] as const satisfies readonly OrgRole[];

/** One org with an owner (admin who registered it), one user per role, and some data. */
interface Fixture {
  orgId: string;
  ownerToken: string;
  tokens: Record<OrgRole, string>;
  serviceId: string;
  incidentId: string;
}

let fx: Fixture;

beforeAll(async () => {
  const owner = await register(api.current, { orgName: "Roles Org" });
  const orgId = owner.org.id;
  const [viewer, member, admin] = await Promise.all(ROLES.map((role) => userWithRole(api.current, orgId, role)));
  if (viewer === undefined || member === undefined || admin === undefined) throw new Error("seeding users failed");
  const service = await createService(api.current, owner.accessToken, "roles-base-service");
  const incident = await createIncident(api.current, owner.accessToken, service.id);
  fx = {
    orgId,
    ownerToken: owner.accessToken,
    tokens: { viewer: viewer.accessToken, member: member.accessToken, admin: admin.accessToken },
    serviceId: service.id,
    incidentId: incident.id,
  };
});

// ---------------------------------------------------------------------------------------------
// DB probes: what a refused call must leave untouched.

async function countWhere(table: "services" | "incidents" | "incident_events" | "notification_targets", orgId: string): Promise<number> {
  const row = await api.current.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("org_id", "=", orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function serviceIncidentCount(serviceId: string): Promise<number> {
  const row = await api.current.db
    .selectFrom("incidents")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("service_id", "=", serviceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Asserts the public error body shape exactly: { code, message, traceId, details } and nothing else. */
function expectErrorBody(res: HttpResponse, code: string): void {
  expect(Object.keys(res.body).sort()).toEqual(["code", "details", "message", "traceId"]);
  expect(res.body.code).toBe(code);
  expect(typeof res.body.message).toBe("string");
  expect(String(res.body.message).length).toBeGreaterThan(0);
  expect(typeof res.body.traceId).toBe("string");
  expect(res.body.traceId).toBe(res.headers.get("x-request-id"));
  expect(typeof res.body.details).toBe("object");
  expect(res.body.details).not.toBeNull();
  expect(JSON.stringify(res.body)).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
}

// ---------------------------------------------------------------------------------------------
// Mutations. Each case prepares its own target (a fresh incident where the call changes one), so
// an allowed call for one role never disturbs the next role's case.

interface PreparedCall {
  path: string;
  body: unknown;
  /** The state the call may change; equal before and after means nothing changed. */
  snapshot: () => Promise<unknown>;
}

type Expected = 200 | 201 | 403;

interface MutationCase {
  route: string;
  expected: Record<OrgRole, Expected>;
  prepare: (f: Fixture, role: OrgRole) => PreparedCall | Promise<PreparedCall>;
}

let nameCounter = 0;
const uniqueName = (prefix: string) => `${prefix}-${++nameCounter}-${Date.now()}`;

async function freshIncident(f: Fixture) {
  return createIncident(api.current, f.ownerToken, f.serviceId, { title: uniqueName("role-matrix") });
}

const MUTATIONS: MutationCase[] = [
  {
    route: "POST /v1/org/services",
    expected: { viewer: 403, member: 201, admin: 201 },
    prepare: (f, role) => ({
      path: "/v1/org/services",
      body: { name: uniqueName(`svc-${role}`), description: "made by the role matrix" },
      snapshot: () => countWhere("services", f.orgId),
    }),
  },
  {
    route: "POST /v1/services/{serviceId}/incidents",
    expected: { viewer: 403, member: 201, admin: 201 },
    prepare: (f) => ({
      path: `/v1/services/${f.serviceId}/incidents`,
      body: { title: uniqueName("opened"), severity: "sev2" },
      snapshot: async () => ({ org: await countWhere("incidents", f.orgId), service: await serviceIncidentCount(f.serviceId) }),
    }),
  },
  {
    route: "POST /v1/incidents/{incidentId}/transition",
    expected: { viewer: 403, member: 200, admin: 200 },
    prepare: async (f) => {
      const incident = await freshIncident(f);
      return {
        path: `/v1/incidents/${incident.id}/transition`,
        body: { toStatus: "acknowledged", version: incident.version },
        snapshot: () => incidentState(api.current.db, incident.id),
      };
    },
  },
  {
    route: "POST /v1/incidents/{incidentId}/comment",
    expected: { viewer: 403, member: 201, admin: 201 },
    prepare: async (f) => {
      const incident = await freshIncident(f);
      return {
        path: `/v1/incidents/${incident.id}/comment`,
        body: { body: "looking into it" },
        snapshot: async () => ({ incident: await incidentState(api.current.db, incident.id), orgEvents: await countWhere("incident_events", f.orgId) }),
      };
    },
  },
  {
    route: "POST /v1/org/notification-targets",
    expected: { viewer: 403, member: 403, admin: 201 },
    prepare: (f, role) => ({
      path: "/v1/org/notification-targets",
      body: { name: uniqueName(`hook-${role}`), type: "webhook", config: { url: "https://hooks.example.com/incidentops" } },
      snapshot: () => countWhere("notification_targets", f.orgId),
    }),
  },
];

const mutationMatrix = MUTATIONS.flatMap((c) => ROLES.map((role) => ({ ...c, role, status: c.expected[role] })));

describe("role matrix: mutations", () => {
  for (const { route, role, status, prepare } of mutationMatrix) it(`${route} as ${role} -> ${status}`, async () => {
    const call = await prepare(fx, role);
    const before = await call.snapshot();
    const res = await api.current.request("POST", call.path, { token: fx.tokens[role], body: call.body });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const after = await call.snapshot();
    if (status === 403) {
      expectErrorBody(res, "FORBIDDEN");
      expect(after).toEqual(before);
    } else {
      expect(res.body).toHaveProperty("id");
      // The probe sees the allowed call, so its equality on refused calls means something.
      expect(after).not.toEqual(before);
    }
  });

  it("the role matrix covers every role for every mutation", () => {
    expect(mutationMatrix).toHaveLength(MUTATIONS.length * ROLES.length);
  });
});

// ---------------------------------------------------------------------------------------------
// Reads.

interface ReadCase {
  route: string;
  expected: Record<OrgRole, 200 | 403>;
  path: (f: Fixture) => string;
}

const adminOnly = { viewer: 403, member: 403, admin: 200 } as const;
const everyone = { viewer: 200, member: 200, admin: 200 } as const;

const READS: ReadCase[] = [
  { route: "GET /v1/org/members", expected: adminOnly, path: () => "/v1/org/members" },
  { route: "GET /v1/org/notification-targets", expected: adminOnly, path: () => "/v1/org/notification-targets" },
  { route: "GET /v1/org", expected: everyone, path: () => "/v1/org" },
  { route: "GET /v1/org/services", expected: everyone, path: () => "/v1/org/services" },
  { route: "GET /v1/incidents", expected: everyone, path: () => "/v1/incidents" },
  { route: "GET /v1/incidents/{incidentId}", expected: everyone, path: (f) => `/v1/incidents/${f.incidentId}` },
  { route: "GET /v1/incidents/{incidentId}/events", expected: everyone, path: (f) => `/v1/incidents/${f.incidentId}/events` },
];

const readMatrix = READS.flatMap((c) => ROLES.map((role) => ({ ...c, role, status: c.expected[role] })));

describe("role matrix: reads", () => {
  for (const { route, role, status, path } of readMatrix) it(`${route} as ${role} -> ${status}`, async () => {
    const res = await api.current.request("GET", path(fx), { token: fx.tokens[role] });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status === 403) expectErrorBody(res, "FORBIDDEN");
    else expect(res.body).not.toHaveProperty("code");
  });

  it("reads return the org's data to a viewer", async () => {
    const token = fx.tokens.viewer;
    const org = await api.current.request<{ id: string; role: string }>("GET", "/v1/org", { token });
    expect(org.body).toMatchObject({ id: fx.orgId, role: "viewer" });
    const services = await api.current.request<{ items: { id: string }[] }>("GET", "/v1/org/services", { token });
    expect(services.body.items.map((s) => s.id)).toContain(fx.serviceId);
    const incidents = await api.current.request<{ items: { id: string }[] }>("GET", "/v1/incidents", { token });
    expect(incidents.body.items.map((i) => i.id)).toContain(fx.incidentId);
    const incident = await api.current.request<{ id: string }>("GET", `/v1/incidents/${fx.incidentId}`, { token });
    expect(incident.body.id).toBe(fx.incidentId);
    const events = await api.current.request<{ items: { kind: string }[] }>("GET", `/v1/incidents/${fx.incidentId}/events`, { token });
    expect(events.body.items[0]?.kind).toBe("created");
  });

  it("the admin's member list shows every seeded role", async () => {
    const res = await api.current.request<{ items: { role: string }[] }>("GET", "/v1/org/members", { token: fx.tokens.admin });
    expect(res.body.items.map((m) => m.role).sort()).toEqual(["admin", "admin", "member", "viewer"]);
  });
});

// ---------------------------------------------------------------------------------------------
// The same guard over tRPC.

describe("role guard over tRPC", () => {
  it("refuses a viewer's comment with FORBIDDEN in error.data and writes nothing", async () => {
    const incident = await freshIncident(fx);
    const before = await incidentState(api.current.db, incident.id);
    const error: unknown = await api.current
      .trpc(fx.tokens.viewer)
      .incidents.comment.mutate({ incidentId: incident.id, body: "nope" })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(TRPCClientError);
    if (!(error instanceof TRPCClientError)) return;
    expect(error.data).toMatchObject({ code: "FORBIDDEN", httpStatus: 403 });
    expect(await incidentState(api.current.db, incident.id)).toEqual(before);
  });

  it("refuses a member's notification-target listing", async () => {
    await expect(api.current.trpc(fx.tokens.member).org.notificationTargets.list.query({})).rejects.toMatchObject({
      data: { code: "FORBIDDEN" },
    });
  });
});

// ---------------------------------------------------------------------------------------------
// The guard reads the membership on every request; the role claim in the token is not trusted.

async function setRole(t: TestApi, orgId: string, userId: string, role: OrgRole) {
  const result = await t.db
    .updateTable("org_members")
    .set({ role })
    .where("org_id", "=", orgId)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  expect(Number(result.numUpdatedRows)).toBe(1);
}

describe("role changes take effect on the next request with the same token", () => {
  let user: TokenResponse;

  beforeAll(async () => {
    user = await userWithRole(api.current, fx.orgId, "viewer");
  });

  it("promotes viewer -> member -> admin and demotes back to viewer", async () => {
    const token = user.accessToken;
    const incident = await freshIncident(fx);
    const comment = () => api.current.request("POST", `/v1/incidents/${incident.id}/comment`, { token, body: { body: "hi" } });
    const members = () => api.current.request("GET", "/v1/org/members", { token });
    const currentRole = async () => (await api.current.request<{ role: string }>("GET", "/v1/org", { token })).body.role;

    const refused = await comment();
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("FORBIDDEN");
    expect((await incidentState(api.current.db, incident.id)).events).toBe(1);

    await setRole(api.current, fx.orgId, user.user.id, "member");
    expect(await currentRole()).toBe("member");
    expect((await comment()).status).toBe(201);
    expect((await incidentState(api.current.db, incident.id)).events).toBe(2);
    expect((await members()).status).toBe(403);

    await setRole(api.current, fx.orgId, user.user.id, "admin");
    expect(await currentRole()).toBe("admin");
    expect((await members()).status).toBe(200);

    await setRole(api.current, fx.orgId, user.user.id, "viewer");
    expect(await currentRole()).toBe("viewer");
    const membersAgain = await members();
    expect(membersAgain.status).toBe(403);
    expectErrorBody(membersAgain, "FORBIDDEN");
    const refusedAgain = await comment();
    expect(refusedAgain.status).toBe(403);
    expect((await incidentState(api.current.db, incident.id)).events).toBe(2);
  });

  it("a removed membership fails closed with the same token", async () => {
    const other = await userWithRole(api.current, fx.orgId, "admin");
    expect((await api.current.request("GET", "/v1/org/members", { token: other.accessToken })).status).toBe(200);
    await api.current.db.deleteFrom("org_members").where("org_id", "=", fx.orgId).where("user_id", "=", other.user.id).execute();
    const before = await countWhere("services", fx.orgId);
    const res = await api.current.request("POST", "/v1/org/services", { token: other.accessToken, body: { name: uniqueName("ghost") } });
    expect(res.status).toBe(401);
    expectErrorBody(res, "UNAUTHORIZED");
    expect(await countWhere("services", fx.orgId)).toBe(before);
  });
});
