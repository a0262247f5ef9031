import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createLogger } from "@incidentops/core";
import { createDb } from "@incidentops/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextFactory } from "../src/context.js";
import { listRestOperations } from "../src/operations.js";
import { createRest } from "../src/rest.js";
import { appRouter } from "../src/router.js";
import { createCallerFactory } from "../src/trpc.js";
import { anOwnerWithAnIncident, useTestApi, type Account } from "@incidentops/testkit";

// The REST calls are served before express (rest.ts, restBeforeExpress). These tests check which
// requests it takes, and that what it answers is what express's route answers: `/V1/...` is the
// same operation, which only express serves (its paths are matched without regard to case).

const api = useTestApi();

let owner: Account;
let incidentPath: string;
beforeAll(async () => {
  ({ owner, incidentPath } = await anOwnerWithAnIncident(api.current));
});

/** The calls before express alone, on a server that says who answered: `express` when they took nothing. */
let beforeExpressOnly: { server: Server; db: ReturnType<typeof createDb>; url: string };
beforeAll(async () => {
  const logger = createLogger({ level: "silent", name: "rest-before-express" });
  const db = createDb({ connectionString: api.current.appDatabaseUrl, max: 2 });
  const { config, mailer, changeFeed, storage } = api.current;
  const { beforeExpress } = createRest(
    {
      operations: listRestOperations(appRouter),
      createCaller: createCallerFactory(appRouter),
      createContext: createContextFactory({ db, config, logger, mailer, changeFeed, storage }),
      maxBodyBytes: 1024,
    },
    () => false,
  );
  const server = createServer((req, res) => {
    req.id = "rest-before-express-test";
    req.log = logger;
    if (!beforeExpress(req, res)) res.writeHead(299, { "x-answered-by": "express" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  beforeExpressOnly = { server, db, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});
afterAll(async () => {
  beforeExpressOnly.server.closeAllConnections();
  await new Promise((resolve) => beforeExpressOnly.server.close(resolve));
  await beforeExpressOnly.db.destroy();
});

/** Who answered the request: the calls before express, or the server for express. */
const answererOf = async (method: string, path: string) => {
  const res = await fetch(`${beforeExpressOnly.url}${path}`, { method, headers: { authorization: `Bearer ${owner.accessToken}` } });
  await res.arrayBuffer();
  return res.headers.get("x-answered-by") ?? "before express";
};

describe("the REST calls routed before express", () => {
  it("serve a REST operation, with its query, a trailing slash, or refusing what express's route refuses", async () => {
    for (const [method, path] of [
      ["GET", incidentPath],
      ["GET", `${incidentPath}/`],
      ["GET", "/v1/incidents?limit=5"],
      ["GET", "/v1/incidents?limti=5"],
      ["GET", "/v1/incidents/not-a-uuid"],
      ["GET", "/v1/org/services"],
      ["POST", `${incidentPath}/transition`],
      ["POST", `${incidentPath}/comment/`],
      ["PATCH", "/v1/org/services/00000000-0000-4000-8000-000000000000"],
      ["PUT", "/v1/org/sla-policy"],
      ["DELETE", "/v1/org/teams/00000000-0000-4000-8000-000000000000"],
    ] as const) {
      expect(await answererOf(method, path), `${method} ${path}`).toBe("before express");
    }
  });

  it("leave to express every request they do not take for certain: other methods, other spellings, downloads, the session's routes, other paths", async () => {
    for (const [method, path] of [
      ["HEAD", incidentPath],
      ["OPTIONS", incidentPath],
      ["POST", "/v1/incidents"],
      ["DELETE", incidentPath],
      ["POST", `${incidentPath.replace("/v1/", "/V1/")}/transition`],
      ["POST", "/v1/auth/login"],
      ["GET", incidentPath.replace("/v1/", "/V1/")],
      ["GET", "/v1/incidents/%E0%A4%A"],
      ["GET", "/v1/analytics/incidents.csv"],
      ["GET", `${incidentPath}/postmortem.md`],
      ["GET", "/v1/auth/me"],
      ["GET", "/v1/no-such-resource"],
      ["GET", "/v1/incidents/a/b/c/d/e"],
      ["GET", "/v1"],
      ["GET", "/healthz"],
    ] as const) {
      expect(await answererOf(method, path), `${method} ${path}`).toBe("express");
    }
  });
});

/** The API's answer to a request, but for what is each request's own: its date, its id, an error's traceId. */
async function answerOf(method: string, path: string, options: { token?: string | null; contentType?: string; body?: string } = {}) {
  const token = options.token === undefined ? owner.accessToken : options.token;
  const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
  if (options.body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
  const res = await fetch(`${api.current.baseUrl}${path}`, { method, headers, body: options.body });
  const body: unknown = JSON.parse(await res.text());
  return {
    status: res.status,
    headers: Object.fromEntries([...res.headers].filter(([name]) => !["date", "x-request-id", "keep-alive", "connection"].includes(name))),
    body: typeof body === "object" && body !== null && "traceId" in body ? { ...body, traceId: "(its own)" } : body,
  };
}

/** The same path as only express serves it. */
const expressSpelling = (path: string) => path.replace("/v1/", "/V1/");

describe("the REST calls routed before express, answering as express's routes", () => {
  it("answer a read exactly as express's route answers it", async () => {
    const answer = (path: string, token?: string | null) => answerOf("GET", path, { token });
    for (const path of [
      incidentPath,
      "/v1/incidents?limit=2&status=triggered",
      "/v1/incidents?limit=0",
      "/v1/incidents?status=triggered&status=resolved",
      "/v1/incidents/00000000-0000-4000-8000-000000000000",
      "/v1/org/members",
      "/v1/analytics/incidents?days=7",
    ]) {
      expect(await answer(path), path).toEqual(await answer(expressSpelling(path)));
    }
    // A query parameter the operation does not take: refused to the owner, and unauthenticated before that.
    for (const token of [owner.accessToken, null]) {
      const path = "/v1/incidents?limti=5";
      const [reads, express] = [await answer(path, token), await answer(expressSpelling(path), token)];
      expect(reads, `${path} ${token === null ? "without" : "with"} a token`).toEqual(express);
      expect(reads.status, JSON.stringify(reads.body)).toBe(token === null ? 401 : 400);
    }
  });

  it("answer a write's refusals exactly as express's route answers them, changing nothing", async () => {
    const transition = `${incidentPath}/transition`;
    const unknownIncident = "/v1/incidents/00000000-0000-4000-8000-000000000000/transition";
    const refusals: [method: string, path: string, options: Parameters<typeof answerOf>[2], status: number][] = [
      ["POST", transition, { body: "{not json" }, 400],
      ["POST", transition, { body: "acknowledged", contentType: "text/plain" }, 415],
      ["POST", transition, { body: "{}" }, 400],
      ["POST", transition, { body: JSON.stringify({ toStatus: "acknowledged", version: 999 }) }, 409],
      ["POST", transition, { body: JSON.stringify({ toStatus: "acknowledged", version: 1 }), token: null }, 401],
      ["POST", `${transition}?version=1`, { body: JSON.stringify({ toStatus: "acknowledged", version: 1 }) }, 400],
      ["POST", unknownIncident, { body: JSON.stringify({ toStatus: "acknowledged", version: 1 }) }, 404],
      ["DELETE", "/v1/org/teams/00000000-0000-4000-8000-000000000000", {}, 404],
      ["DELETE", "/v1/org/teams/00000000-0000-4000-8000-000000000000", { body: "{not json" }, 400],
    ];
    for (const [method, path, options, status] of refusals) {
      const [before, express] = [await answerOf(method, path, options), await answerOf(method, expressSpelling(path), options)];
      expect(before, `${method} ${path}`).toEqual(express);
      expect(before.status, `${method} ${path}: ${JSON.stringify(before.body)}`).toBe(status);
    }
    const incident = await answerOf("GET", incidentPath);
    expect(incident.body).toMatchObject({ status: "triggered", version: 1 });
  });

  it("make a write's change as express's route makes it", async () => {
    const comment = (path: string) => answerOf("POST", `${path}/comment`, { body: JSON.stringify({ body: "Looking at it" }) });
    const [before, express] = [await comment(incidentPath), await comment(expressSpelling(incidentPath))];
    expect(before.status).toBe(201);
    expect({ ...before, body: Object.keys(before.body as object).sort() }).toEqual({ ...express, body: Object.keys(express.body as object).sort() });
    const events = (await answerOf("GET", `${incidentPath}/events`)).body as { items: { kind: string; data: unknown }[] };
    expect(events.items.filter((event) => event.kind === "commented").map((event) => event.data)).toEqual([{ body: "Looking at it" }, { body: "Looking at it" }]);
  });
});
