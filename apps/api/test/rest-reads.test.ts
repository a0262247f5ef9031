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

// The REST reads are served before express (rest.ts, restReads). These tests check which
// requests it takes, and that what it answers is what express's route answers: `/V1/...` is the
// same operation, which only express serves (its paths are matched without regard to case).

const api = useTestApi();

let owner: Account;
let incidentPath: string;
beforeAll(async () => {
  ({ owner, incidentPath } = await anOwnerWithAnIncident(api.current));
});

/** The reads alone, on a server that says who answered: `express` when they took nothing. */
let readsOnly: { server: Server; db: ReturnType<typeof createDb>; url: string };
beforeAll(async () => {
  const logger = createLogger({ level: "silent", name: "rest-reads" });
  const db = createDb({ connectionString: api.current.appDatabaseUrl, max: 2 });
  const { config, mailer, changeFeed, storage } = api.current;
  const { reads } = createRest(
    {
      operations: listRestOperations(appRouter),
      createCaller: createCallerFactory(appRouter),
      createContext: createContextFactory({ db, config, logger, mailer, changeFeed, storage }),
      maxBodyBytes: 1024,
    },
    () => false,
  );
  const server = createServer((req, res) => {
    req.id = "rest-reads-test";
    req.log = logger;
    if (!reads(req, res)) res.writeHead(299, { "x-answered-by": "express" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  readsOnly = { server, db, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
});
afterAll(async () => {
  readsOnly.server.closeAllConnections();
  await new Promise((resolve) => readsOnly.server.close(resolve));
  await readsOnly.db.destroy();
});

/** Who answered the request: the reads, or the server for express. */
const answererOf = async (method: string, path: string) => {
  const res = await fetch(`${readsOnly.url}${path}`, { method, headers: { authorization: `Bearer ${owner.accessToken}` } });
  await res.arrayBuffer();
  return res.headers.get("x-answered-by") ?? "the reads";
};

describe("the REST reads routed before express", () => {
  it("serve a GET of a REST operation, with its query, a trailing slash, or refusing what express's route refuses", async () => {
    for (const path of [incidentPath, `${incidentPath}/`, "/v1/incidents?limit=5", "/v1/incidents?limti=5", "/v1/incidents/not-a-uuid", "/v1/org/services"]) {
      expect(await answererOf("GET", path), path).toBe("the reads");
    }
  });

  it("leave to express every request they do not take for certain: other methods, other spellings, downloads, the session's routes, other paths", async () => {
    for (const [method, path] of [
      ["HEAD", incidentPath],
      ["POST", "/v1/incidents"],
      ["DELETE", incidentPath],
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

  it("answer exactly as express's route answers the same read", async () => {
    // An error's traceId is each request's own.
    const withoutTraceId = (body: unknown) => (typeof body === "object" && body !== null && "traceId" in body ? { ...body, traceId: "(its own)" } : body);
    const answer = async (path: string, token: string | null = owner.accessToken) => {
      const res = await fetch(`${api.current.baseUrl}${path}`, { headers: token === null ? {} : { authorization: `Bearer ${token}` } });
      const headers = Object.fromEntries([...res.headers].filter(([name]) => !["date", "x-request-id", "keep-alive", "connection"].includes(name)));
      return { status: res.status, headers, body: withoutTraceId(JSON.parse(await res.text())) };
    };
    for (const path of [
      incidentPath,
      "/v1/incidents?limit=2&status=triggered",
      "/v1/incidents?limit=0",
      "/v1/incidents?status=triggered&status=resolved",
      "/v1/incidents/00000000-0000-4000-8000-000000000000",
      "/v1/org/members",
      "/v1/analytics/incidents?days=7",
    ]) {
      expect(await answer(path), path).toEqual(await answer(path.replace("/v1/", "/V1/")));
    }
    // A query parameter the operation does not take: refused to the owner, and unauthenticated before that.
    for (const token of [owner.accessToken, null]) {
      const path = "/v1/incidents?limti=5";
      const [reads, express] = [await answer(path, token), await answer(path.replace("/v1/", "/V1/"), token)];
      expect(reads, `${path} ${token === null ? "without" : "with"} a token`).toEqual(express);
      expect(reads.status, JSON.stringify(reads.body)).toBe(token === null ? 401 : 400);
    }
  });
});
