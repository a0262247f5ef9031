import { hashSecretToken } from "@incidentops/core";
import { createDb, executeKeyed, sql, type Db } from "@incidentops/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anIncident, anOrgOwner, aService, useTestApi } from "@incidentops/testkit";
import { aStreamTicket } from "./support/live.js";

const api = useTestApi();

/** The second wall: what the application role sees when it talks to PostgreSQL directly. */
describe("row-level security", () => {
  let appDb: Db;
  const orgs: { orgId: string; token: string; incidentIds: string[] }[] = [];

  beforeAll(async () => {
    appDb = createDb({ connectionString: api.current.appDatabaseUrl, max: 2 });
    for (const name of ["A", "B"]) {
      const user = await anOrgOwner(api.current, { orgName: `Org ${name}` });
      const service = await aService(api.current, user.accessToken);
      const incidents = [
        await anIncident(api.current, user.accessToken, service.id),
        await anIncident(api.current, user.accessToken, service.id),
      ];
      orgs.push({ orgId: user.org.id, token: user.accessToken, incidentIds: incidents.map((i) => i.id) });
    }
  });
  afterAll(async () => {
    await appDb.destroy();
  });

  const asOrg = <T>(orgId: string, fn: (db: Db) => Promise<T>) =>
    appDb.transaction().execute(async (tx) => {
      await sql`SELECT set_config('app.org_id', ${orgId}, true)`.execute(tx);
      return fn(tx);
    });

  it("with app.org_id set to org A, SELECT * FROM incidents returns only A's rows", async () => {
    const [a, b] = orgs;
    if (a === undefined || b === undefined) throw new Error("seed failed");
    const { rows } = await asOrg(a.orgId, (db) => sql<{ id: string; org_id: string }>`SELECT * FROM incidents`.execute(db));
    expect(rows.map((r) => r.id).sort()).toEqual([...a.incidentIds].sort());
    expect(new Set(rows.map((r) => r.org_id))).toEqual(new Set([a.orgId]));
    const events = await asOrg(a.orgId, (db) => sql<{ org_id: string }>`SELECT org_id FROM incident_events`.execute(db));
    expect(events.rows.length).toBeGreaterThan(0);
    expect(events.rows.every((r) => r.org_id === a.orgId)).toBe(true);
  });

  it("a key lookup prepared on a connection, on its generic plan, sees only the org its transaction is scoped to", async () => {
    const [a, b] = orgs;
    const incidentId = a?.incidentIds[0];
    if (a === undefined || b === undefined || incidentId === undefined) throw new Error("seed failed");
    const oneConnection = createDb({ connectionString: api.current.appDatabaseUrl, max: 1 });
    const lookUp = (orgId: string) =>
      oneConnection.transaction().execute(async (tx) => {
        await sql`SELECT set_config('app.org_id', ${orgId}, true)`.execute(tx);
        return executeKeyed(tx, tx.selectFrom("incidents").select(["id", "org_id"]).where("id", "=", incidentId));
      });
    try {
      for (let run = 0; run < 6; run++) expect(await lookUp(a.orgId)).toEqual([{ id: incidentId, org_id: a.orgId }]);
      expect(await lookUp(b.orgId)).toEqual([]);
      expect(await lookUp(a.orgId)).toEqual([{ id: incidentId, org_id: a.orgId }]);
      const { rows } = await sql<{ generic: number }>`SELECT coalesce(sum(generic_plans), 0)::int AS generic FROM pg_prepared_statements`.execute(oneConnection);
      expect(rows[0]?.generic).toBeGreaterThanOrEqual(2);
    } finally {
      await oneConnection.destroy();
    }
  });

  it("with no org set, tenant tables look empty", async () => {
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM incidents`.execute(appDb);
    expect(rows[0]?.n).toBe("0");
  });

  it("cannot write into or change another org's rows", async () => {
    const [a, b] = orgs;
    if (a === undefined || b === undefined) throw new Error("seed failed");
    const target = b.incidentIds[0] ?? "";
    const updated = await asOrg(a.orgId, (db) => sql`UPDATE incidents SET title = 'hijacked' WHERE id = ${target}`.execute(db));
    expect(Number(updated.numAffectedRows)).toBe(0);
    await expect(
      asOrg(a.orgId, (db) => sql`INSERT INTO services (org_id, name) VALUES (${b.orgId}, 'planted')`.execute(db)),
    ).rejects.toThrow(/row-level security/);
    const title = await api.current.db.selectFrom("incidents").select("title").where("id", "=", target).executeTakeFirstOrThrow();
    expect(title.title).not.toBe("hijacked");
  });

  it("shows a stream ticket to its own org, and before the org is known only to the one presenting it; another org can neither see nor take it", async () => {
    const [a, b] = orgs;
    if (a === undefined || b === undefined) throw new Error("seed failed");
    const { ticket } = await aStreamTicket(api.current, a.token);
    const hash = hashSecretToken(ticket).toString("hex");
    /** What a transaction with these settings sees of the tickets, and how many it could delete (rolled back: none is used up). */
    const inScope = async (settings: { orgId?: string; lookupHash?: string }) => {
      const rolledBack = new Error("rolled back");
      let outcome: { seen: string[]; taken: number } | undefined;
      await appDb
        .transaction()
        .execute(async (tx) => {
          await sql`SELECT set_config('app.org_id', ${settings.orgId ?? ""}, true), set_config('app.lookup_hash', ${settings.lookupHash ?? ""}, true)`.execute(tx);
          const seen = await sql<{ org_id: string }>`SELECT org_id FROM stream_tickets`.execute(tx);
          const taken = await sql`DELETE FROM stream_tickets`.execute(tx);
          outcome = { seen: seen.rows.map((r) => r.org_id), taken: Number(taken.numAffectedRows) };
          throw rolledBack;
        })
        .catch((error: unknown) => {
          if (error !== rolledBack) throw error;
        });
      return outcome;
    };
    expect(await inScope({ orgId: b.orgId })).toEqual({ seen: [], taken: 0 });
    expect(await inScope({ lookupHash: hashSecretToken(`${ticket}x`).toString("hex") })).toEqual({ seen: [], taken: 0 });
    expect(await inScope({ lookupHash: hash })).toEqual({ seen: [a.orgId], taken: 1 });
    expect(await inScope({ orgId: a.orgId })).toEqual({ seen: [a.orgId], taken: 1 });
  });

  it("the application role cannot switch role, turn row security off, or drop the policies", async () => {
    await expect(sql`SET ROLE postgres`.execute(appDb)).rejects.toThrow(/permission denied/);
    await expect(
      appDb.transaction().execute(async (tx) => {
        await sql`SET LOCAL row_security = off`.execute(tx);
        await sql`SELECT * FROM incidents`.execute(tx);
      }),
    ).rejects.toThrow(/row-level security/);
    await expect(sql`ALTER TABLE incidents DISABLE ROW LEVEL SECURITY`.execute(appDb)).rejects.toThrow(/must be owner/);
    await expect(sql`DROP POLICY org_isolation ON incidents`.execute(appDb)).rejects.toThrow(/must be owner/);
    const role = await sql<{ rolsuper: boolean; rolbypassrls: boolean }>`
      SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user`.execute(appDb);
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it("owns no table, so FORCE ROW LEVEL SECURITY is not what binds it", async () => {
    const owned = await sql<{ n: string }>`
      SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`.execute(appDb);
    expect(owned.rows[0]?.n).toBe("0");
  });
});
