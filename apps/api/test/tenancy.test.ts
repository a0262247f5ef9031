import { randomUUID } from "node:crypto";
import { TRPCClientError } from "@trpc/client";
import { beforeAll, describe, expect, it } from "vitest";
import {
  addMember,
  createIncident,
  createService,
  incidentState,
  register,
  userWithRole,
  useTestApi,
  type HttpResponse,
  type IncidentBody,
} from "./helpers.js";

const api = useTestApi();

interface OrgFixture {
  orgId: string;
  userId: string;
  token: string;
  serviceId: string;
  /** Left untouched at `triggered`, version 1: a foreign transition to `acknowledged` would be valid. */
  incident: IncidentBody;
  targetId: string;
}

let A: OrgFixture;
let B: OrgFixture;
/** A viewer of B: refused by role on mutations, so its answers must not depend on A's data either. */
let viewerOfB: string;

async function seedOrg(label: string): Promise<OrgFixture> {
  const owner = await register(api.current, { orgName: `Tenancy ${label}`, name: `Owner ${label}` });
  const service = await createService(api.current, owner.accessToken, `tenancy-${label}-service`);
  const incident = await createIncident(api.current, owner.accessToken, service.id, { title: `${label} is down` });
  const target = await api.current.request<{ id: string }>("POST", "/v1/org/notification-targets", {
    token: owner.accessToken,
    body: { name: `${label} hook`, type: "webhook", config: { url: `https://hooks.example.com/${label}` } },
  });
  if (target.status !== 201) throw new Error(`create target failed: ${target.status} ${JSON.stringify(target.body)}`);
  return { orgId: owner.org.id, userId: owner.user.id, token: owner.accessToken, serviceId: service.id, incident, targetId: target.body.id };
}

beforeAll(async () => {
  A = await seedOrg("A");
  B = await seedOrg("B");
  viewerOfB = (await userWithRole(api.current, B.orgId, "viewer")).accessToken;
  // A second incident in A with a timeline beyond "created", so "nothing changed" covers more rows.
  const busy = await createIncident(api.current, A.token, A.serviceId, { title: "A is busy", severity: "sev1" });
  const comment = await api.current.request("POST", `/v1/incidents/${busy.id}/comment`, { token: A.token, body: { body: "on it" } });
  if (comment.status !== 201) throw new Error(`seed comment failed: ${comment.status}`);
});

// ---------------------------------------------------------------------------------------------
// Probes.

/** Everything of an org's that a foreign call could change, read straight from the database. */
async function orgState(orgId: string) {
  const db = api.current.db;
  const incidents = await db
    .selectFrom("incidents")
    .select(["id", "service_id", "status", "version", "updated_at", "acknowledged_at", "resolved_at"])
    .where("org_id", "=", orgId)
    .orderBy("id")
    .execute();
  const events = await db
    .selectFrom("incident_events")
    .select(["incident_id", (eb) => eb.fn.countAll<string>().as("n")])
    .where("org_id", "=", orgId)
    .groupBy("incident_id")
    .orderBy("incident_id")
    .execute();
  const services = await db.selectFrom("services").select(["id", "name", "updated_at"]).where("org_id", "=", orgId).orderBy("id").execute();
  const targets = await db.selectFrom("notification_targets").select(["id"]).where("org_id", "=", orgId).orderBy("id").execute();
  return JSON.parse(JSON.stringify({ incidents, events, services, targets })) as unknown;
}

async function serviceIncidentCount(serviceId: string): Promise<number> {
  const row = await api.current.db
    .selectFrom("incidents")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("service_id", "=", serviceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function expectErrorBody(res: HttpResponse, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(Object.keys(res.body).sort()).toEqual(["code", "details", "message", "traceId"]);
  expect(res.body.code).toBe(code);
  expect(typeof res.body.message).toBe("string");
  expect(res.body.traceId).toBe(res.headers.get("x-request-id"));
}

/** The parts of an error body that must not differ between "another org's" and "missing". */
const comparable = (res: HttpResponse) => ({ status: res.status, code: res.body.code, message: res.body.message, details: res.body.details });

// ---------------------------------------------------------------------------------------------
// Every route that takes an id, table-driven: a new route is one entry.

interface IdRoute {
  route: string;
  method: "GET" | "POST";
  /** Which of A's ids the route takes. */
  idOf: (f: OrgFixture) => string;
  path: (id: string) => string;
  /** A body that would succeed for A's own fixture (same version, valid move). */
  body?: (f: OrgFixture) => unknown;
  /** What A's owner gets on the same call: proves the route and body are right. */
  ownerStatus: 200 | 201;
  notFoundMessage: string;
}

const ID_ROUTES: IdRoute[] = [
  {
    route: "GET /v1/incidents/{incidentId}",
    method: "GET",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}`,
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "GET /v1/incidents/{incidentId}/events",
    method: "GET",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/events`,
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "POST /v1/incidents/{incidentId}/transition",
    method: "POST",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/transition`,
    body: (f) => ({ toStatus: "acknowledged", version: f.incident.version }),
    ownerStatus: 200,
    notFoundMessage: "Incident not found",
  },
  {
    route: "POST /v1/incidents/{incidentId}/comment",
    method: "POST",
    idOf: (f) => f.incident.id,
    path: (id) => `/v1/incidents/${id}/comment`,
    body: () => ({ body: "a comment from the wrong org" }),
    ownerStatus: 201,
    notFoundMessage: "Incident not found",
  },
  {
    route: "POST /v1/services/{serviceId}/incidents",
    method: "POST",
    idOf: (f) => f.serviceId,
    path: (id) => `/v1/services/${id}/incidents`,
    body: () => ({ title: "opened from the wrong org", severity: "sev1" }),
    ownerStatus: 201,
    notFoundMessage: "Service not found",
  },
];

function call(route: IdRoute, token: string, id: string, bodyFrom: OrgFixture) {
  const body = route.body?.(bodyFrom);
  return api.current.request(route.method, route.path(id), body === undefined ? { token } : { token, body });
}

for (const route of ID_ROUTES) describe(route.route, () => {
  it("answers 404 NOT_FOUND (never 403) to another org's admin, and changes nothing in A", async () => {
    const beforeA = await orgState(A.orgId);
    const beforeIncident = await incidentState(api.current.db, A.incident.id);
    const beforeServiceCount = await serviceIncidentCount(A.serviceId);
    const beforeB = await orgState(B.orgId);

    const res = await call(route, B.token, route.idOf(A), A);
    expectErrorBody(res, 404, "NOT_FOUND");
    expect(res.body.message).toBe(route.notFoundMessage);

    expect(await incidentState(api.current.db, A.incident.id)).toEqual(beforeIncident);
    expect(await serviceIncidentCount(A.serviceId)).toBe(beforeServiceCount);
    expect(await orgState(A.orgId)).toEqual(beforeA);
    // Nor did the call land in the caller's own org.
    expect(await orgState(B.orgId)).toEqual(beforeB);
  });

  it("answers a random uuid with the identical 404 (existence does not leak)", async () => {
    const foreign = await call(route, B.token, route.idOf(A), A);
    const missing = await call(route, B.token, randomUUID(), A);
    expectErrorBody(missing, 404, "NOT_FOUND");
    expect(comparable(missing)).toEqual(comparable(foreign));
  });

  it("answers a non-uuid id with 400 VALIDATION_FAILED", async () => {
    const before = await orgState(B.orgId);
    const res = await call(route, B.token, "not-a-uuid", B);
    expectErrorBody(res, 400, "VALIDATION_FAILED");
    expect(await orgState(B.orgId)).toEqual(before);
  });

  it("gives a low-role caller of another org the same answer for A's id as for a missing one", async () => {
    const before = await orgState(A.orgId);
    const foreign = await call(route, viewerOfB, route.idOf(A), A);
    const missing = await call(route, viewerOfB, randomUUID(), A);
    expect(foreign.status).not.toBe(200);
    expect(foreign.status).not.toBe(201);
    expect(comparable(foreign)).toEqual(comparable(missing));
    expect(await orgState(A.orgId)).toEqual(before);
  });

  it("serves the same call to the owning org (control)", async () => {
    // A fresh fixture in A so the control leaves A's shared incident untouched.
    const incident = await createIncident(api.current, A.token, A.serviceId, { title: "control" });
    const own: OrgFixture = { ...A, incident };
    const res = await call(route, A.token, route.idOf(own), own);
    expect(res.status, JSON.stringify(res.body)).toBe(route.ownerStatus);
  });
});

// ---------------------------------------------------------------------------------------------
// Lists are scoped to the token's org.

interface Page {
  items: Record<string, unknown>[];
  nextCursor: string | null;
}

function idsOf(page: Page): string[] {
  return page.items.map((item) => {
    const user = item.user;
    if (typeof user === "object" && user !== null && "id" in user) return String(user.id);
    return String(item.id);
  });
}

async function list(token: string, path: string): Promise<string[]> {
  const res = await api.current.request<Page>("GET", path, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.nextCursor).toBeNull();
  return idsOf(res.body);
}

async function allIds(orgId: string) {
  const db = api.current.db;
  const ids = await Promise.all([
    db.selectFrom("incidents").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("services").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("notification_targets").select("id").where("org_id", "=", orgId).execute(),
    db.selectFrom("org_members").select("user_id as id").where("org_id", "=", orgId).execute(),
  ]);
  return ids.flat().map((r) => r.id);
}

describe("lists are scoped to the caller's org", () => {
  const LISTS: { path: string; own: (f: OrgFixture) => string }[] = [
    { path: "/v1/incidents?limit=100", own: (f) => f.incident.id },
    { path: "/v1/org/services?limit=100", own: (f) => f.serviceId },
    { path: "/v1/org/notification-targets?limit=100", own: (f) => f.targetId },
    { path: "/v1/org/members?limit=100", own: (f) => f.userId },
  ];

  for (const { path, own } of LISTS) it(`${path} never contains A's items`, async () => {
    // A user who belongs to both orgs rightly shows in both member lists.
    const bIds = new Set(await allIds(B.orgId));
    const aIds = (await allIds(A.orgId)).filter((id) => !bIds.has(id));
    expect(aIds).toContain(A.incident.id);
    expect(aIds).toContain(A.userId);
    const ids = await list(B.token, path);
    expect(ids).toContain(own(B));
    for (const id of aIds) expect(ids).not.toContain(id);
    // Control: A's own list does show A's item.
    expect(await list(A.token, path)).toContain(own(A));
  });

  it("filtering incidents by A's service id gives B an empty list", async () => {
    expect(await serviceIncidentCount(A.serviceId)).toBeGreaterThan(0);
    expect(await list(B.token, `/v1/incidents?serviceId=${A.serviceId}`)).toEqual([]);
    // Control: the filter works for the owner, and for B on B's own service.
    expect(await list(A.token, `/v1/incidents?serviceId=${A.serviceId}&limit=100`)).toContain(A.incident.id);
    expect(await list(B.token, `/v1/incidents?serviceId=${B.serviceId}`)).toContain(B.incident.id);
  });
});

// ---------------------------------------------------------------------------------------------
// tRPC applies the same rules.

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to be rejected");
    },
    (error: unknown) => error,
  );
}

describe("tenancy over tRPC", () => {
  it("incidents.get rejects another org's incident with NOT_FOUND", async () => {
    const error = await rejection(api.current.trpc(B.token).incidents.get.query({ incidentId: A.incident.id }));
    expect(error).toBeInstanceOf(TRPCClientError);
    if (!(error instanceof TRPCClientError)) return;
    expect(error.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, message: "Incident not found" });
    // Control: the owner reads it.
    const own = await api.current.trpc(A.token).incidents.get.query({ incidentId: A.incident.id });
    expect(own.id).toBe(A.incident.id);
  });

  it("incidents.transition rejects another org's incident with NOT_FOUND and changes nothing", async () => {
    const before = await orgState(A.orgId);
    const error = await rejection(
      api.current.trpc(B.token).incidents.transition.mutate({ incidentId: A.incident.id, toStatus: "resolved", version: A.incident.version }),
    );
    expect(error).toBeInstanceOf(TRPCClientError);
    if (!(error instanceof TRPCClientError)) return;
    expect(error.data).toMatchObject({ code: "NOT_FOUND" });
    expect(await orgState(A.orgId)).toEqual(before);
  });

  it("incidents.list filtered by A's service is empty for B", async () => {
    const page = await api.current.trpc(B.token).incidents.list.query({ serviceId: A.serviceId });
    expect(page.items).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The org comes from the token, not from the set of the user's memberships.

describe("a member of both orgs acting with a token for B", () => {
  let tokenForB: string;
  let tokenForA: string;

  beforeAll(async () => {
    const both = await userWithRole(api.current, B.orgId, "admin");
    await addMember(api.current.db, A.orgId, both.user.id, "admin");
    tokenForB = both.accessToken;
    const login = await api.current.request<{ accessToken: string; org: { id: string } }>("POST", "/v1/auth/login", {
      body: { email: both.user.email, password: "correct horse battery", orgId: A.orgId },
    });
    expect(login.status).toBe(200);
    expect(login.body.org.id).toBe(A.orgId);
    tokenForA = login.body.accessToken;
  });

  for (const route of ID_ROUTES) it(`${route.route} with A's id -> 404 NOT_FOUND, nothing changed`, async () => {
    const before = await orgState(A.orgId);
    const res = await call(route, tokenForB, route.idOf(A), A);
    expectErrorBody(res, 404, "NOT_FOUND");
    expect(await orgState(A.orgId)).toEqual(before);
  });

  it("does not see A's items in B's lists", async () => {
    const ids = await list(tokenForB, "/v1/incidents?limit=100");
    expect(ids).toContain(B.incident.id);
    expect(ids).not.toContain(A.incident.id);
    expect(await list(tokenForB, `/v1/incidents?serviceId=${A.serviceId}`)).toEqual([]);
  });

  it("over tRPC too, while a token for A reads the same incident (control)", async () => {
    await expect(api.current.trpc(tokenForB).incidents.get.query({ incidentId: A.incident.id })).rejects.toMatchObject({
      data: { code: "NOT_FOUND" },
    });
    const res = await api.current.request<IncidentBody>("GET", `/v1/incidents/${A.incident.id}`, { token: tokenForA });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(A.incident.id);
  });
});
