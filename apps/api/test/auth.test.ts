import { randomUUID } from "node:crypto";
import { hashSecretToken, type Me, type TokenResponse } from "@incidentops/core";
import jwt from "jsonwebtoken";
import { describe, expect, it } from "vitest";
import { anOrgOwner, expectError, outwaitReuseGrace, PASSWORD, TEST_JWT_SECRET, uniqueEmail, useTestApi, UUID } from "@incidentops/testkit";
import { ACCESS_TTL_SECONDS, AUDIENCE, authCalls, claimsOf, ISSUER } from "./support/auth.js";

// Sign-up, sign-in and sessions: register, login, refresh, switch-org, logout, me, and what a
// membership change does to them. The access token itself: access-tokens.test.ts.

const api = useTestApi();
const { post, login, refresh, switchOrg, logout, getOrg, expectRejected, userInTwoOrgs } = authCalls(api);


describe("POST /v1/auth/register", () => {
  it("answers 201 with a token pair, the user and the new org with the admin role", async () => {
    const email = uniqueEmail("reg");
    const res = await post<TokenResponse>("/v1/auth/register", { email, password: PASSWORD, name: "Ada", orgName: "Acme" });
    expect(res.status).toBe(201);
    expect(Object.keys(res.body).sort()).toEqual(["accessToken", "expiresIn", "org", "refreshToken", "tokenType", "user"]);
    expect(res.body.tokenType).toBe("Bearer");
    expect(res.body.expiresIn).toBe(ACCESS_TTL_SECONDS);
    expect(res.body.user).toEqual({ id: expect.stringMatching(UUID), email, name: "Ada", timeZone: "UTC", handoffReminderMinutes: null, createdAt: expect.any(String) });
    expect(new Date(res.body.user.createdAt).toISOString()).toBe(res.body.user.createdAt);
    expect(res.body.org).toEqual({ id: expect.stringMatching(UUID), name: "Acme", createdAt: expect.any(String), role: "admin" });
    // Opaque, >= 256 bits: 32 random bytes are 43 base64url characters.
    expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43,}$/);
    expect(res.body.refreshToken).not.toBe(res.body.accessToken);
  });

  it("issues an HS256 access token with the contract's claims and a 15 minute lifetime", async () => {
    const before = Math.floor(Date.now() / 1000);
    const reg = await anOrgOwner(api.current);
    const after = Math.floor(Date.now() / 1000);

    const header = jwt.decode(reg.accessToken, { complete: true })?.header;
    expect(header).toMatchObject({ alg: "HS256", typ: "JWT" });

    const claims = claimsOf(reg.accessToken);
    expect(claims.sub).toBe(reg.user.id);
    expect(claims.org_id).toBe(reg.org.id);
    expect(claims.org_role).toBe("admin");
    expect(claims.iss).toBe(ISSUER);
    expect(claims.aud).toBe(AUDIENCE);
    expect(claims.jti).toMatch(UUID);
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.iat).toBeLessThanOrEqual(after);
    expect(claims.exp - claims.iat).toBe(ACCESS_TTL_SECONDS);

    // And it really is signed with the configured secret.
    expect(() => jwt.verify(reg.accessToken, TEST_JWT_SECRET, { algorithms: ["HS256"], issuer: ISSUER, audience: AUDIENCE })).not.toThrow();
  });

  it("gives every token its own jti", async () => {
    const a = await anOrgOwner(api.current);
    const b = await login({ email: a.email, password: a.password });
    expect(b.status).toBe(200);
    expect(claimsOf(a.accessToken).jti).not.toBe(claimsOf(b.body.accessToken).jti);
  });

  it("stores the email lower-cased and refuses the same email in another case with 409 EMAIL_TAKEN", async () => {
    const email = uniqueEmail("Dup.Case");
    const first = await post<TokenResponse>("/v1/auth/register", { email, password: PASSWORD, name: "First", orgName: "One" });
    expect(first.status).toBe(201);
    expect(first.body.user.email).toBe(email.toLowerCase());

    const exact = await post("/v1/auth/register", { email: email.toLowerCase(), password: PASSWORD, name: "Second", orgName: "Two" });
    expectError(exact, 409, "EMAIL_TAKEN");

    const upper = await post("/v1/auth/register", { email: email.toUpperCase(), password: PASSWORD, name: "Third", orgName: "Three" });
    const body = expectError(upper, 409, "EMAIL_TAKEN");
    expect(body.details).toEqual({ fields: { email: ["already registered"] } });

    // The refused attempts left nothing behind: one user, one org named after the first.
    const users = await api.current.db.selectFrom("users").select("id").where("email", "=", email.toLowerCase()).execute();
    expect(users).toHaveLength(1);
    const orgs = await api.current.db
      .selectFrom("org_members")
      .innerJoin("orgs", "orgs.id", "org_members.org_id")
      .select("orgs.name")
      .where("org_members.user_id", "=", first.body.user.id)
      .execute();
    expect(orgs.map((o) => o.name)).toEqual(["One"]);
  });

  it("refuses a password under 8 characters with 400 VALIDATION_FAILED naming the field", async () => {
    const email = uniqueEmail("short");
    const res = await post("/v1/auth/register", { email, password: "1234567", name: "Short", orgName: "Org" });
    const body = expectError(res, 400, "VALIDATION_FAILED");
    const fields = body.details.fields as Record<string, unknown> | undefined;
    expect(fields).toBeDefined();
    expect(Object.keys(fields ?? {})).toEqual(["password"]);
    expect(fields?.password).toEqual([expect.stringContaining("8")]);
    const users = await api.current.db.selectFrom("users").select("id").where("email", "=", email).execute();
    expect(users).toHaveLength(0);
  });

  it("accepts a password of exactly 8 characters", async () => {
    const res = await post("/v1/auth/register", { email: uniqueEmail("eight"), password: "12345678", name: "Eight", orgName: "Org" });
    expect(res.status).toBe(201);
  });

  it("reports every invalid field at once", async () => {
    const res = await post("/v1/auth/register", { email: "not-an-email", password: "x", name: "", orgName: "Org" });
    const body = expectError(res, 400, "VALIDATION_FAILED");
    expect(Object.keys((body.details.fields as Record<string, unknown> | undefined) ?? {}).sort()).toEqual(["email", "name", "password"]);
  });

  it("stores only an argon2id hash of the password", async () => {
    const reg = await anOrgOwner(api.current);
    const row = await api.current.db
      .selectFrom("users")
      .select(["email", "password_hash"])
      .where("id", "=", reg.user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith("$argon2id$")).toBe(true);
    expect(row.password_hash).not.toContain(reg.password);
    expect(row.email).toBe(reg.email);
  });
});

describe("POST /v1/auth/login", () => {
  it("logs in with the email in any case and lands in the user's org", async () => {
    const reg = await anOrgOwner(api.current, { email: uniqueEmail("Mixed.Case") });
    const res = await login({ email: reg.email.toUpperCase(), password: reg.password });
    expect(res.status).toBe(200);
    expect(res.body.tokenType).toBe("Bearer");
    expect(res.body.user.id).toBe(reg.user.id);
    expect(res.body.user.email).toBe(reg.email.toLowerCase());
    expect(res.body.org).toEqual(reg.org);
    expect(claimsOf(res.body.accessToken)).toMatchObject({ sub: reg.user.id, org_id: reg.org.id, org_role: "admin" });
    expect((await getOrg(res.body.accessToken)).body.id).toBe(reg.org.id);
  });

  it("answers a wrong password and an unknown email identically (401 INVALID_CREDENTIALS)", async () => {
    const reg = await anOrgOwner(api.current);
    const wrongPassword = await login({ email: reg.email, password: "wrong password!" });
    const unknownEmail = await login({ email: uniqueEmail("nobody"), password: reg.password });
    const a = expectError(wrongPassword, 401, "INVALID_CREDENTIALS");
    const b = expectError(unknownEmail, 401, "INVALID_CREDENTIALS");
    expect(b.message).toBe(a.message);
    expect(b.details).toEqual(a.details);
    expect(a.traceId).not.toBe(b.traceId);
  });

  it("refuses the right password for another account", async () => {
    const alice = await anOrgOwner(api.current);
    const bob = await anOrgOwner(api.current, { password: "bobs own password" });
    expectError(await login({ email: alice.email, password: bob.password }), 401, "INVALID_CREDENTIALS");
  });

  it("lands in the org named by orgId when the user is a member there, with that role", async () => {
    const { user, otherOrg } = await userInTwoOrgs("viewer");
    const res = await login({ email: user.email, password: user.password, orgId: otherOrg.id });
    expect(res.status).toBe(200);
    expect(res.body.org).toMatchObject({ id: otherOrg.id, name: "Other Org", role: "viewer" });
    expect(claimsOf(res.body.accessToken)).toMatchObject({ sub: user.user.id, org_id: otherOrg.id, org_role: "viewer" });
    const org = await getOrg(res.body.accessToken);
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({ id: otherOrg.id, role: "viewer" });

    // Without orgId the login lands in the oldest membership: the user's own org.
    const plain = await login({ email: user.email, password: user.password });
    expect(plain.body.org).toMatchObject({ id: user.org.id, role: "admin" });
  });

  it("refuses orgId of an org the user is not in with 403, and issues no token", async () => {
    const user = await anOrgOwner(api.current);
    const stranger = await anOrgOwner(api.current);
    const countBefore = await api.current.db
      .selectFrom("refresh_tokens")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("user_id", "=", user.user.id)
      .executeTakeFirstOrThrow();
    expectError(await login({ email: user.email, password: user.password, orgId: stranger.org.id }), 403, "FORBIDDEN");
    expectError(await login({ email: user.email, password: user.password, orgId: randomUUID() }), 403, "FORBIDDEN");
    const countAfter = await api.current.db
      .selectFrom("refresh_tokens")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("user_id", "=", user.user.id)
      .executeTakeFirstOrThrow();
    expect(countAfter.n).toBe(countBefore.n);
  });

  it("checks the password before the org: a wrong password with a foreign orgId is still 401", async () => {
    const user = await anOrgOwner(api.current);
    const stranger = await anOrgOwner(api.current);
    expectError(await login({ email: user.email, password: "wrong password!", orgId: stranger.org.id }), 401, "INVALID_CREDENTIALS");
  });
});

describe("POST /v1/auth/refresh", () => {
  it("rotates: returns a new pair for the same user and org", async () => {
    const reg = await anOrgOwner(api.current);
    const res = await refresh(reg.refreshToken);
    expect(res.status).toBe(200);
    expect(res.body.tokenType).toBe("Bearer");
    expect(res.body.expiresIn).toBe(ACCESS_TTL_SECONDS);
    expect(res.body.refreshToken).not.toBe(reg.refreshToken);
    expect(res.body.accessToken).not.toBe(reg.accessToken);
    expect(res.body.user).toEqual(reg.user);
    expect(res.body.org).toEqual(reg.org);
    const oldClaims = claimsOf(reg.accessToken);
    const newClaims = claimsOf(res.body.accessToken);
    expect(newClaims).toMatchObject({ sub: reg.user.id, org_id: reg.org.id, org_role: "admin" });
    expect(newClaims.jti).not.toBe(oldClaims.jti);
    expect((await getOrg(res.body.accessToken)).status).toBe(200);

    // The new refresh token keeps rotating.
    const again = await refresh(res.body.refreshToken);
    expect(again.status).toBe(200);
    expect(again.body.refreshToken).not.toBe(res.body.refreshToken);
  });

  it("keeps both tokens of a rotation in one family, marking the old one rotated", async () => {
    const reg = await anOrgOwner(api.current);
    const res = await refresh(reg.refreshToken);
    expect(res.status).toBe(200);
    const db = api.current.db;
    const oldRow = await db.selectFrom("refresh_tokens").selectAll().where("token_hash", "=", hashSecretToken(reg.refreshToken)).executeTakeFirstOrThrow();
    const newRow = await db.selectFrom("refresh_tokens").selectAll().where("token_hash", "=", hashSecretToken(res.body.refreshToken)).executeTakeFirstOrThrow();
    expect(newRow.family_id).toBe(oldRow.family_id);
    expect(oldRow.rotated_at).not.toBeNull();
    expect(newRow.rotated_at).toBeNull();
    expect(oldRow.revoked_at).toBeNull();
    expect(newRow.revoked_at).toBeNull();
    expect(newRow.active_org_id).toBe(reg.org.id);
    expect(newRow.user_id).toBe(reg.user.id);
  });

  it("treats a rotated token presented once its successor was used as theft: 401, and the whole family is revoked", async () => {
    const reg = await anOrgOwner(api.current);
    const first = await refresh(reg.refreshToken);
    expect(first.status).toBe(200);
    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);

    const reuse = expectError(await refresh(reg.refreshToken), 401, "UNAUTHORIZED");
    expect(reuse.details).toEqual({ reason: "refresh_token_reused" });

    // The legitimate successors were in the same family: refused too.
    expectError(await refresh(second.body.refreshToken), 401, "UNAUTHORIZED");
    expectError(await switchOrg(second.body.refreshToken, reg.org.id), 401, "UNAUTHORIZED");

    const rows = await api.current.db.selectFrom("refresh_tokens").select(["revoked_at"]).where("user_id", "=", reg.user.id).execute();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.revoked_at).not.toBeNull();

    // Other sessions of the same user are other families and live on.
    const other = await login({ email: reg.email, password: reg.password });
    expect((await refresh(other.body.refreshToken)).status).toBe(200);
  });

  it("exchanges a token presented again within the grace, its successor unused (the answer was lost): a new pair in the family, that successor rotated to it", async () => {
    const reg = await anOrgOwner(api.current);
    const lost = await refresh(reg.refreshToken);
    expect(lost.status).toBe(200);

    const again = await refresh(reg.refreshToken);
    expect(again.status).toBe(200);
    expect(again.body.refreshToken).not.toBe(lost.body.refreshToken);
    expect(again.body.org).toEqual(reg.org);
    const db = api.current.db;
    const rowOf = (token: string) => db.selectFrom("refresh_tokens").selectAll().where("token_hash", "=", hashSecretToken(token)).executeTakeFirstOrThrow();
    const [presented, unused, live] = await Promise.all([rowOf(reg.refreshToken), rowOf(lost.body.refreshToken), rowOf(again.body.refreshToken)]);
    expect(live).toMatchObject({ family_id: presented.family_id, rotated_at: null, revoked_at: null });
    expect(presented.successor_id).toBe(live.id);
    // The unused successor counts as exchanged for the new token, as of the presented one's exchange.
    expect(unused).toMatchObject({ successor_id: live.id, rotated_at: presented.rotated_at, revoked_at: null });
    const audited = await db.selectFrom("audit_log").select(["org_id", "actor_id"]).where("action", "=", "auth.refresh.retried").where("target_id", "=", reg.user.id).execute();
    expect(audited).toEqual([{ org_id: reg.org.id, actor_id: reg.user.id }]);

    const next = await refresh(again.body.refreshToken);
    expect(next.status).toBe(200);
    // Its successor now used, the first token presented again is theft.
    expect(expectError(await refresh(reg.refreshToken), 401, "UNAUTHORIZED").details).toEqual({ reason: "refresh_token_reused" });
    expectError(await refresh(next.body.refreshToken), 401, "UNAUTHORIZED");
  });

  describe("the successor a grace exchange replaced, presented later", () => {
    /** A session whose first refresh's answer was lost: `replaced` is the successor the grace exchange replaced with `live`. */
    const aGraceExchange = async () => {
      const reg = await anOrgOwner(api.current);
      const replaced = await refresh(reg.refreshToken);
      const live = await refresh(reg.refreshToken);
      expect([replaced.status, live.status]).toEqual([200, 200]);
      return { reg, replaced: replaced.body.refreshToken, live: live.body.refreshToken };
    };
    const reuseAudits = (userId: string) =>
      api.current.db.selectFrom("audit_log").select("action").where("action", "=", "auth.refresh.reuse_detected").where("target_id", "=", userId).execute();

    it("is theft once the new token was used: 401 refresh_token_reused, the family revoked and the reuse audited", async () => {
      const { reg, replaced, live } = await aGraceExchange();
      const next = await refresh(live);
      expect(next.status).toBe(200);

      expect(expectError(await refresh(replaced), 401, "UNAUTHORIZED").details).toEqual({ reason: "refresh_token_reused" });
      expectError(await refresh(next.body.refreshToken), 401, "UNAUTHORIZED");
      expect(await reuseAudits(reg.user.id)).toHaveLength(1);
    });

    it("is theft after the grace, the new token unused", async () => {
      const { reg, replaced, live } = await aGraceExchange();
      await outwaitReuseGrace(api.current.db, replaced);

      expect(expectError(await refresh(replaced), 401, "UNAUTHORIZED").details).toEqual({ reason: "refresh_token_reused" });
      expectError(await refresh(live), 401, "UNAUTHORIZED");
      expect(await reuseAudits(reg.user.id)).toHaveLength(1);
    });

    it("is the lost answer within the grace, the new token unused (two presentations raced): exchanged, with one live token left", async () => {
      const { reg, replaced, live } = await aGraceExchange();

      const again = await refresh(replaced);
      expect(again.status).toBe(200);
      const liveTokens = await api.current.db
        .selectFrom("refresh_tokens")
        .select("token_hash")
        .where("user_id", "=", reg.user.id)
        .where("rotated_at", "is", null)
        .where("revoked_at", "is", null)
        .execute();
      expect(liveTokens).toEqual([{ token_hash: hashSecretToken(again.body.refreshToken) }]);
      expect(await reuseAudits(reg.user.id)).toHaveLength(0);
      // The token it replaced in turn is used: presenting it now is theft.
      expect((await refresh(again.body.refreshToken)).status).toBe(200);
      expect(expectError(await refresh(live), 401, "UNAUTHORIZED").details).toEqual({ reason: "refresh_token_reused" });
    });
  });

  it("treats a rotated token presented after the grace as theft, its successor unused or not", async () => {
    const reg = await anOrgOwner(api.current);
    const first = await refresh(reg.refreshToken);
    expect(first.status).toBe(200);
    await outwaitReuseGrace(api.current.db, reg.refreshToken);

    expect(expectError(await refresh(reg.refreshToken), 401, "UNAUTHORIZED").details).toEqual({ reason: "refresh_token_reused" });
    expectError(await refresh(first.body.refreshToken), 401, "UNAUTHORIZED");
  });

  it("lets two concurrent uses of a token both through with exactly one live successor: the later one's", async () => {
    const reg = await anOrgOwner(api.current);
    const results = await Promise.all([refresh(reg.refreshToken), refresh(reg.refreshToken)]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const family = await api.current.db
      .selectFrom("refresh_tokens")
      .select(["token_hash", "rotated_at", "revoked_at"])
      .where("user_id", "=", reg.user.id)
      .where("rotated_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    expect(family).toHaveLength(1);
    const live = results.find((r) => hashSecretToken(r.body.refreshToken).equals(family[0]?.token_hash ?? Buffer.alloc(0)));
    const replaced = results.find((r) => r !== live);
    if (live === undefined || replaced === undefined) throw new Error("neither answer holds the live successor");
    expect((await refresh(live.body.refreshToken)).status).toBe(200);
    expect(expectError(await refresh(replaced.body.refreshToken), 401, "UNAUTHORIZED").details).toEqual({ reason: "refresh_token_reused" });
  });

  it("refuses garbage, an empty string and an access token in place of a refresh token", async () => {
    const reg = await anOrgOwner(api.current);
    expectError(await refresh("garbage-token"), 401, "UNAUTHORIZED");
    expectError(await refresh("A".repeat(43)), 401, "UNAUTHORIZED");
    expectError(await refresh(reg.accessToken), 401, "UNAUTHORIZED");
    expectError(await refresh(""), 400, "VALIDATION_FAILED");
    expectError(await post("/v1/auth/refresh", {}), 400, "VALIDATION_FAILED");
    // None of that disturbed the real session.
    expect((await refresh(reg.refreshToken)).status).toBe(200);
  });

  it("refuses an expired refresh token", async () => {
    const reg = await anOrgOwner(api.current);
    await api.current.db
      .updateTable("refresh_tokens")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("token_hash", "=", hashSecretToken(reg.refreshToken))
      .execute();
    expectError(await refresh(reg.refreshToken), 401, "UNAUTHORIZED");
  });

  it("stores only the SHA-256 of a refresh token, never the token itself", async () => {
    const reg = await anOrgOwner(api.current);
    const rotated = await refresh(reg.refreshToken);
    expect(rotated.status).toBe(200);
    const rows = await api.current.db.selectFrom("refresh_tokens").selectAll().where("user_id", "=", reg.user.id).execute();
    expect(rows).toHaveLength(2);

    const hashes = rows.map((r) => Buffer.from(r.token_hash).toString("hex")).sort();
    expect(hashes).toEqual([hashSecretToken(reg.refreshToken).toString("hex"), hashSecretToken(rotated.body.refreshToken).toString("hex")].sort());

    for (const raw of [reg.refreshToken, rotated.body.refreshToken]) {
      const rawBytes = Buffer.from(raw);
      const decoded = Buffer.from(raw, "base64url");
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          const rendered = Buffer.isBuffer(value) ? value : Buffer.from(value instanceof Date ? value.toISOString() : String(value));
          expect(rendered.includes(rawBytes), `column ${column} holds the raw token`).toBe(false);
          expect(rendered.equals(decoded), `column ${column} holds the token's bytes`).toBe(false);
        }
      }
    }
  });
});

describe("POST /v1/auth/switch-org", () => {
  it("moves the session to another org the user belongs to", async () => {
    const { user, otherOrg } = await userInTwoOrgs("member");
    expect((await getOrg(user.accessToken)).body.id).toBe(user.org.id);

    const res = await switchOrg(user.refreshToken, otherOrg.id);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.user.id);
    expect(res.body.org).toMatchObject({ id: otherOrg.id, name: "Other Org", role: "member" });
    expect(claimsOf(res.body.accessToken)).toMatchObject({ sub: user.user.id, org_id: otherOrg.id, org_role: "member" });

    const org = await getOrg(res.body.accessToken);
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({ id: otherOrg.id, name: "Other Org", role: "member" });

    // The new refresh token carries the new org: refreshing it stays there.
    const refreshed = await refresh(res.body.refreshToken);
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.org.id).toBe(otherOrg.id);
    expect(claimsOf(refreshed.body.accessToken).org_id).toBe(otherOrg.id);

    // And switching back works.
    const back = await switchOrg(refreshed.body.refreshToken, user.org.id);
    expect(back.status).toBe(200);
    expect(back.body.org).toMatchObject({ id: user.org.id, role: "admin" });
  });

  it("rotates the refresh token: the one used to switch is then a reused token", async () => {
    const { user, otherOrg } = await userInTwoOrgs();
    const res = await switchOrg(user.refreshToken, otherOrg.id);
    expect(res.status).toBe(200);
    const row = await api.current.db
      .selectFrom("refresh_tokens")
      .select(["active_org_id", "family_id"])
      .where("token_hash", "=", hashSecretToken(res.body.refreshToken))
      .executeTakeFirstOrThrow();
    expect(row.active_org_id).toBe(otherOrg.id);
    const next = await refresh(res.body.refreshToken);
    expect(next.status).toBe(200);

    expectError(await refresh(user.refreshToken), 401, "UNAUTHORIZED");
    expectError(await refresh(next.body.refreshToken), 401, "UNAUTHORIZED");
  });

  it("refuses an org the user is not in with 403 and keeps the session usable", async () => {
    const user = await anOrgOwner(api.current);
    const stranger = await anOrgOwner(api.current);

    expectError(await switchOrg(user.refreshToken, stranger.org.id), 403, "FORBIDDEN");
    expectError(await switchOrg(user.refreshToken, randomUUID()), 403, "FORBIDDEN");

    const row = await api.current.db
      .selectFrom("refresh_tokens")
      .select(["rotated_at", "revoked_at"])
      .where("token_hash", "=", hashSecretToken(user.refreshToken))
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ rotated_at: null, revoked_at: null });

    const still = await refresh(user.refreshToken);
    expect(still.status).toBe(200);
    expect(still.body.org.id).toBe(user.org.id);
  });

  it("refuses a bad refresh token with 401 and a non-uuid orgId with 400", async () => {
    const user = await anOrgOwner(api.current);
    expectError(await switchOrg("garbage-token", user.org.id), 401, "UNAUTHORIZED");
    const bad = expectError(await switchOrg(user.refreshToken, "not-a-uuid"), 400, "VALIDATION_FAILED");
    expect(Object.keys((bad.details.fields as Record<string, unknown> | undefined) ?? {})).toEqual(["orgId"]);
  });
});

describe("POST /v1/auth/logout", () => {
  it("revokes the refresh token and its session", async () => {
    const reg = await anOrgOwner(api.current);
    const rotated = await refresh(reg.refreshToken);
    expect(rotated.status).toBe(200);

    const res = await logout(rotated.body.refreshToken);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true });

    expectError(await refresh(rotated.body.refreshToken), 401, "UNAUTHORIZED");
    expectError(await switchOrg(rotated.body.refreshToken, reg.org.id), 401, "UNAUTHORIZED");

    const row = await api.current.db
      .selectFrom("refresh_tokens")
      .select("revoked_at")
      .where("token_hash", "=", hashSecretToken(rotated.body.refreshToken))
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
  });

  it("ends only that session: another login of the same user keeps working", async () => {
    const reg = await anOrgOwner(api.current);
    const second = await login({ email: reg.email, password: reg.password });
    expect(second.status).toBe(200);
    expect((await logout(reg.refreshToken)).status).toBe(200);
    expectError(await refresh(reg.refreshToken), 401, "UNAUTHORIZED");
    expect((await refresh(second.body.refreshToken)).status).toBe(200);
  });

  it("is idempotent: an unknown token or a second logout is 200", async () => {
    const unknown = await logout("never-issued-token");
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual({ ok: true });

    const reg = await anOrgOwner(api.current);
    expect((await logout(reg.refreshToken)).status).toBe(200);
    const again = await logout(reg.refreshToken);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ ok: true });
  });
});

describe("GET /v1/auth/me", () => {
  it("returns the user, the current org and every membership", async () => {
    const { user, otherOrg } = await userInTwoOrgs("viewer");
    const res = await api.current.request<Me>("GET", "/v1/auth/me", { token: user.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual(user.user);
    expect(res.body.org).toEqual(user.org);
    expect(res.body.memberships).toHaveLength(2);
    expect(res.body.memberships).toEqual([
      user.org,
      { id: otherOrg.id, name: "Other Org", createdAt: otherOrg.createdAt, role: "viewer" },
    ]);

    // From the other org's token, the current org changes and the memberships do not.
    const switched = await switchOrg(user.refreshToken, otherOrg.id);
    const there = await api.current.request<Me>("GET", "/v1/auth/me", { token: switched.body.accessToken });
    expect(there.status).toBe(200);
    expect(there.body.org).toMatchObject({ id: otherOrg.id, role: "viewer" });
    expect(there.body.memberships).toEqual(res.body.memberships);
  });

  it("has one membership for a freshly registered user", async () => {
    const reg = await anOrgOwner(api.current);
    const res = await api.current.request<Me>("GET", "/v1/auth/me", { token: reg.accessToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: reg.user, org: reg.org, memberships: [reg.org] });
  });

  it("needs a token", async () => {
    expectError(await api.current.request("GET", "/v1/auth/me"), 401, "UNAUTHORIZED");
  });
});

describe("membership changes", () => {
  it("a removed membership ends both the refresh token and the access token for that org", async () => {
    const { user, otherOrg } = await userInTwoOrgs("member");
    const there = await login({ email: user.email, password: user.password, orgId: otherOrg.id });
    expect(there.status).toBe(200);
    expect((await getOrg(there.body.accessToken)).status).toBe(200);

    await api.current.db.deleteFrom("org_members").where("org_id", "=", otherOrg.id).where("user_id", "=", user.user.id).execute();

    expectError(await refresh(there.body.refreshToken), 401, "UNAUTHORIZED");
    await expectRejected(there.body.accessToken);
    expectError(await switchOrg(user.refreshToken, otherOrg.id), 403, "FORBIDDEN");
    expectError(await login({ email: user.email, password: user.password, orgId: otherOrg.id }), 403, "FORBIDDEN");

    // The user's own org is untouched.
    expect((await getOrg(user.accessToken)).status).toBe(200);
    expect((await refresh(user.refreshToken)).status).toBe(200);
  });

  it("applies a changed role at once, whatever role the token claims", async () => {
    const { user, otherOrg } = await userInTwoOrgs("admin");
    const there = await login({ email: user.email, password: user.password, orgId: otherOrg.id });
    expect(claimsOf(there.body.accessToken).org_role).toBe("admin");
    expect((await api.current.request("GET", "/v1/org/members", { token: there.body.accessToken })).status).toBe(200);

    await api.current.db
      .updateTable("org_members")
      .set({ role: "viewer" })
      .where("org_id", "=", otherOrg.id)
      .where("user_id", "=", user.user.id)
      .execute();

    expectError(await api.current.request("GET", "/v1/org/members", { token: there.body.accessToken }), 403, "FORBIDDEN");
    expect((await getOrg(there.body.accessToken)).body.role).toBe("viewer");
    const refreshed = await refresh(there.body.refreshToken);
    expect(refreshed.body.org.role).toBe("viewer");
    expect(claimsOf(refreshed.body.accessToken).org_role).toBe("viewer");
  });

  it("a deleted user's tokens stop working", async () => {
    const reg = await anOrgOwner(api.current);
    await api.current.db.deleteFrom("users").where("id", "=", reg.user.id).execute();
    await expectRejected(reg.accessToken);
    expectError(await refresh(reg.refreshToken), 401, "UNAUTHORIZED");
    expectError(await login({ email: reg.email, password: reg.password }), 401, "INVALID_CREDENTIALS");
  });
});

