import { AppError, createLogger, inScope, type Actor } from "@incidentops/core";
import { createDb, sql, type Db, type Tx } from "@incidentops/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertCredentialAllows, authenticate, readCredential, type Credential } from "../src/procedure/credential.js";
import { inScopedTransaction } from "../src/procedure/scoped-transaction.js";
import { isQuotaExempt, writeQuotaOf } from "../src/procedure/write-quota.js";
import { anOrgOwner, aService, useTestApi, writeCallsCounted } from "@incidentops/testkit";

// The pieces of an authenticated procedure (src/trpc.ts), each on its own, against the real
// database as the application role (bound by row-level security).
const api = useTestApi();
let appDb: Db;
beforeAll(() => {
  appDb = createDb({ connectionString: api.current.appDatabaseUrl, max: 4 });
});
afterAll(async () => {
  await appDb.destroy();
});

const source = { requestId: "pieces-test", ip: "127.0.0.1" };
const identify = (credential: Credential) => (tx: Tx) => authenticate(tx, credential, api.current.config.jwt, source);
const bearer = (token: string): Credential => ({ kind: "access_token", token });

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

async function apiKeyOf(token: string, scope: "read" | "write") {
  const res = await api.current.request<{ id: string; secret: string }>("POST", "/v1/org/api-keys", { token, body: { name: `${scope} key`, scope } });
  expect(res.status).toBe(201);
  return res.body;
}

describe("credential", () => {
  it("reads a bearer access token, a bearer API key, or an x-api-key header", () => {
    expect(readCredential({ authorization: "Bearer abc.def.ghi", apiKey: undefined })).toEqual({ kind: "access_token", token: "abc.def.ghi" });
    expect(readCredential({ authorization: "bearer iok_secret", apiKey: undefined })).toEqual({ kind: "api_key", secret: "iok_secret" });
    expect(readCredential({ authorization: undefined, apiKey: "iok_header" })).toEqual({ kind: "api_key", secret: "iok_header" });
    // The Authorization header wins over x-api-key.
    expect(readCredential({ authorization: "Bearer abc.def.ghi", apiKey: "iok_header" })).toEqual({ kind: "access_token", token: "abc.def.ghi" });
  });

  it("refuses a request without a usable credential with 401", () => {
    for (const authorization of [undefined, "", "Basic dXNlcjpwYXNz", "Bearer", "Bearer two tokens"]) {
      expect(() => readCredential({ authorization, apiKey: undefined }), String(authorization)).toThrow(
        expect.objectContaining({ code: "UNAUTHORIZED" }),
      );
    }
  });

  it("resolves an access token to its user, current role and org, and scopes the transaction to that org", async () => {
    const owner = await anOrgOwner(api.current);
    const { actor, scopedOrg } = await appDb.transaction().execute(async (tx) => {
      const resolved = await identify(bearer(owner.accessToken))(tx);
      const { rows } = await sql<{ org: string }>`SELECT current_setting('app.org_id') AS org`.execute(tx);
      return { actor: resolved, scopedOrg: rows[0]?.org };
    });
    expect(actor).toMatchObject({ kind: "user", userId: owner.user.id, orgId: owner.org.id, role: "admin", requestId: "pieces-test", ip: "127.0.0.1" });
    expect(scopedOrg).toBe(owner.org.id);
  });

  it("refuses a bad token, and a token whose membership has ended, with 401", async () => {
    const owner = await anOrgOwner(api.current);
    await expectAppError(appDb.transaction().execute(identify(bearer("not.a.token"))), "UNAUTHORIZED");
    await api.current.db.deleteFrom("org_members").where("user_id", "=", owner.user.id).execute();
    await expectAppError(appDb.transaction().execute(identify(bearer(owner.accessToken))), "UNAUTHORIZED");
  });

  it("resolves an API key to its org and scope, and refuses it once revoked", async () => {
    const owner = await anOrgOwner(api.current);
    const key = await apiKeyOf(owner.accessToken, "write");
    const actor = await appDb.transaction().execute(identify({ kind: "api_key", secret: key.secret }));
    expect(actor).toMatchObject({ kind: "api_key", apiKeyId: key.id, orgId: owner.org.id, scope: "write" });
    expect((await api.current.request("POST", `/v1/org/api-keys/${key.id}/revoke`, { token: owner.accessToken })).status).toBe(200);
    await expectAppError(appDb.transaction().execute(identify({ kind: "api_key", secret: key.secret })), "UNAUTHORIZED");
  });

  it("lets a read-only key call queries only", () => {
    const base = { orgId: "7d3e9c12-4b5a-4e8f-a1c2-3b4d5e6f7a01", role: "viewer", requestId: "r", ip: null } as const;
    const readKey: Actor = { ...base, kind: "api_key", apiKeyId: "k", scope: "read" };
    const writeKey: Actor = { ...base, kind: "api_key", apiKeyId: "k", scope: "write", role: "member" };
    const user: Actor = { ...base, kind: "user", userId: "u" };
    expect(() => assertCredentialAllows(readKey, "query")).not.toThrow();
    expect(() => assertCredentialAllows(readKey, "mutation")).toThrow(expect.objectContaining({ code: "FORBIDDEN" }));
    expect(() => assertCredentialAllows(writeKey, "mutation")).not.toThrow();
    expect(() => assertCredentialAllows(user, "mutation")).not.toThrow();
  });
});

describe("scoped transaction", () => {
  const serviceNames = (tx: Tx) => tx.selectFrom("services").select("name").orderBy("name").execute();

  it("shows the call only the caller's org", async () => {
    const a = await anOrgOwner(api.current);
    const b = await anOrgOwner(api.current);
    await aService(api.current, a.accessToken, { name: "a-only" });
    await aService(api.current, b.accessToken, { name: "b-only" });
    const { result, actor } = await inScopedTransaction(appDb, identify(bearer(a.accessToken)), async (tx) => ({
      ok: true,
      names: (await serviceNames(tx)).map((s) => s.name),
    }));
    expect(actor.orgId).toBe(a.org.id);
    expect(result.names).toEqual(["a-only"]);
  });

  it("commits the call's writes when it succeeds and rolls them back when it fails", async () => {
    const owner = await anOrgOwner(api.current);
    const write = (name: string, ok: boolean) =>
      inScopedTransaction(appDb, identify(bearer(owner.accessToken)), async (tx, actor) => {
        await tx.insertInto("services").values({ org_id: actor.orgId, name }).execute();
        return { ok };
      });
    expect((await write("kept", true)).result.ok).toBe(true);
    expect((await write("rolled-back", false)).result.ok).toBe(false);
    const stored = await api.current.db.selectFrom("services").select("name").where("org_id", "=", owner.org.id).execute();
    expect(stored.map((s) => s.name)).toEqual(["kept"]);
  });

  it("runs no call for a caller it cannot identify", async () => {
    let called = false;
    const attempt = inScopedTransaction(appDb, identify(bearer("not.a.token")), () => {
      called = true;
      return Promise.resolve({ ok: true });
    });
    await expectAppError(attempt, "UNAUTHORIZED");
    expect(called).toBe(false);
  });
});

describe("write quota", () => {
  const writeCalls = (orgId: string) => writeCallsCounted(api.current.db, orgId);
  const log = createLogger({ level: "silent", name: "write-quota-test" });

  it("applies to mutations only, and never refuses the exempt ones", () => {
    expect(writeQuotaOf({ type: "query", path: "incidents.list" }, 5)).toBeNull();
    expect(writeQuotaOf({ type: "mutation", path: "incidents.create" }, 5)?.limit).toBe(5);
    expect(writeQuotaOf({ type: "mutation", path: "org.apiKeys.revoke" }, 5)?.limit).toBeNull();
    expect(isQuotaExempt("auth.changePassword")).toBe(true);
    expect(isQuotaExempt("org.apiKeys.create")).toBe(false);
  });

  it("counts successes up to the quota, then refuses up front and at the count; a failed call or a replay counts without refusing", async () => {
    const { org } = await anOrgOwner(api.current);
    const quota = writeQuotaOf({ type: "mutation", path: "org.services.create" }, 2);
    if (quota === null) throw new Error("a mutation has a write quota");
    const inOrg = <T>(fn: (tx: Tx) => Promise<T>) => inScope(appDb, { orgId: org.id }, fn);

    await inOrg((tx) => quota.assertLeft(tx, org.id));
    await inOrg((tx) => quota.countSucceeded(tx, org.id, false));
    await quota.countFailed(appDb, org.id, log);
    expect(await writeCalls(org.id)).toBe(2);

    const refused = await expectAppError(inOrg((tx) => quota.assertLeft(tx, org.id)), "QUOTA_EXCEEDED");
    expect(refused.details).toMatchObject({ quota: 2, retryAfterSeconds: expect.any(Number) });
    await expectAppError(inOrg((tx) => quota.countSucceeded(tx, org.id, false)), "QUOTA_EXCEEDED");
    await quota.countFailed(appDb, org.id, log);
    await inOrg((tx) => quota.countSucceeded(tx, org.id, true));
    expect(await writeCalls(org.id)).toBe(2);

    // An exempt call still counts, past the quota.
    const exempt = writeQuotaOf({ type: "mutation", path: "org.members.remove" }, 2);
    await inOrg(async (tx) => {
      await exempt?.assertLeft(tx, org.id);
      await exempt?.countSucceeded(tx, org.id, false);
    });
    expect(await writeCalls(org.id)).toBe(3);
  });

  it("counts a call held to no quota in its connection's row (backend pid mod 16), so one org's writes do not queue on one row", async () => {
    const { org } = await anOrgOwner(api.current);
    const unlimited = writeQuotaOf({ type: "mutation", path: "org.services.create" }, null);
    const pids = await Promise.all(
      [1, 2].map(() =>
        inScope(appDb, { orgId: org.id }, async (tx) => {
          await unlimited?.countSucceeded(tx, org.id, false);
          return (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(tx)).rows[0]?.pid ?? -1;
        }),
      ),
    );
    const rows = await api.current.db.selectFrom("org_usage_daily").select(["shard", "write_calls"]).where("org_id", "=", org.id).orderBy("shard").execute();
    const expected = new Map<number, number>();
    for (const pid of pids) expected.set(pid % 16, (expected.get(pid % 16) ?? 0) + 1);
    expect(rows).toEqual([...expected].sort(([a], [b]) => a - b).map(([shard, writeCalls]) => ({ shard, write_calls: writeCalls })));
  });
});
