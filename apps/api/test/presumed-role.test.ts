import { createLogger } from "@incidentops/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { anApiKey, anOwnerWithAnIncident, aUserWithRole, listenOnLoopback, setMemberRole, statementCountingDb, useTestApi, type Account } from "@incidentops/testkit";

// A person's read presumes the role their access token names and checks it in the database with
// the read's first statement (app_enter_user_scope_as): one round trip less than reading the
// membership first. Any failure calls again the way that reads the membership first.

const api = useTestApi();

/** The API again, on one counted connection (statementCountingDb): the messages its requests send. */
let counted: { statements: string[]; get: (path: string, credential: string) => Promise<{ status: number; body: Record<string, unknown> }>; close: () => Promise<void> };

beforeAll(async () => {
  const { db, statements } = statementCountingDb(api.current.appDatabaseUrl);
  const { config, mailer, changeFeed, storage } = api.current;
  const server = await listenOnLoopback(await createApp({ db, config, logger: createLogger({ level: "silent", name: "counted" }), mailer, changeFeed, storage }));
  counted = {
    statements,
    get: async (path, credential) => {
      statements.length = 0;
      const res = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${credential}` } });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    close: async () => {
      await server.close();
      await db.destroy();
    },
  };
});
afterAll(() => counted.close());

describe("a person's read", () => {
  let owner: Account;
  let incidentPath: string;
  beforeAll(async () => {
    ({ owner, incidentPath } = await anOwnerWithAnIncident(api.current));
  });

  it("sends the membership's check with its statement, in one message of its own (an implicit transaction, read-only)", async () => {
    const readOnly = String.raw`SELECT set_config\('transaction_read_only', 'on', true\)`;
    const read = await counted.get(incidentPath, owner.accessToken);
    expect(read.status).toBe(200);
    expect(counted.statements).toHaveLength(1);
    // The check and the incident's read (a key lookup) are prepared on the connection at their first use and executed by name after.
    const check = String.raw`PREPARE (incidentops_\d+) AS SELECT app_enter_user_scope_as\(\$1, \$2, \$3\); EXECUTE \1\('[^']+', '[^']+', 'admin'\)`;
    expect(counted.statements[0]).toMatch(new RegExp(String.raw`^${readOnly}; ${check}; PREPARE (incidentops_\d+) AS select .* from "incidents" where .*; EXECUTE \2\('[^']+', '[^']+'\)$`, "s"));
    const again = await counted.get(incidentPath, owner.accessToken);
    expect(again.body).toEqual(read.body);
    expect(counted.statements).toHaveLength(1);
    expect(counted.statements[0]).toMatch(new RegExp(String.raw`^${readOnly}; EXECUTE incidentops_\d+\('[^']+', '[^']+', 'admin'\); EXECUTE incidentops_\d+\('[^']+', '[^']+'\)$`));
  });

  it("with a role changed since the token, answers as the role is now, the check having failed first", async () => {
    const person = await aUserWithRole(api.current, owner.org.id, "admin");
    expect((await counted.get("/v1/org/members", person.accessToken)).status).toBe(200);
    await setMemberRole(api.current.db, owner.org.id, person.user.id, "viewer");
    const refused = await counted.get("/v1/org/members", person.accessToken);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe("FORBIDDEN");
    // The presumed read's message (its check, prepared on the connection by the first request, with the role the token names), then the membership and the read as before.
    expect(counted.statements).toHaveLength(2);
    expect(counted.statements[0]).toMatch(/^SELECT set_config\('transaction_read_only', 'on', true\); EXECUTE incidentops_\d+\('[^']+', '[^']+', 'admin'\)/);
    expect(counted.statements[1]).toMatch(/app_enter_user_scope\(/);
    await setMemberRole(api.current.db, owner.org.id, person.user.id, "admin");
    const org = await counted.get("/v1/org", person.accessToken);
    expect(org.body.role).toBe("admin");
  });

  it("by someone no longer a member gets 401, whatever it asks for", async () => {
    const person = await aUserWithRole(api.current, owner.org.id, "viewer");
    await api.current.db.deleteFrom("org_members").where("org_id", "=", owner.org.id).where("user_id", "=", person.user.id).execute();
    for (const path of [incidentPath, "/v1/incidents?limit=nonsense", "/v1/incidents/00000000-0000-4000-8000-000000000000"]) {
      const res = await counted.get(path, person.accessToken);
      expect(res.status, path).toBe(401);
      expect(res.body.code).toBe("UNAUTHORIZED");
    }
  });

  it("by an API key reads the key first, as before", async () => {
    const key = await anApiKey(api.current, owner.accessToken, { scope: "read" });
    expect((await counted.get(incidentPath, key.secret)).status).toBe(200);
    expect(counted.statements.length).toBeGreaterThan(1);
    expect(counted.statements.join()).not.toContain("app_enter_user_scope_as");
  });
});
