import type { TokenResponse, User } from "@incidentops/core";
import { beforeAll, describe, expect, it } from "vitest";
import { anApiKey, anOrgOwner, expectError, expectValidationFailed, useTestApi } from "@incidentops/testkit";

const api = useTestApi();
const PATH = "/v1/users/me";

let owner: TokenResponse;

beforeAll(async () => {
  owner = await anOrgOwner(api.current, { orgName: "Profile Org" });
});

const patchMe = (token: string, body: unknown) => api.current.request<User>("PATCH", PATH, { token, body });

describe("PATCH /v1/users/me", () => {
  it("a new account's time zone is UTC", () => {
    expect(owner.user.timeZone).toBe("UTC");
  });

  it("sets the time zone and the name, and /auth/me shows them", async () => {
    const res = await patchMe(owner.accessToken, { timeZone: "Europe/Berlin", name: "Grace" });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: owner.user.id, timeZone: "Europe/Berlin", name: "Grace" });
    const me = await api.current.request<{ user: User }>("GET", "/v1/auth/me", { token: owner.accessToken });
    expect(me.body.user).toMatchObject({ timeZone: "Europe/Berlin", name: "Grace" });
  });

  it("refuses an unknown zone, an empty change and a blank name, naming the field, and changes nothing", async () => {
    const before = await api.current.db.selectFrom("users").selectAll().where("id", "=", owner.user.id).executeTakeFirstOrThrow();
    expect(expectValidationFailed(await patchMe(owner.accessToken, { timeZone: "Mars/Olympus_Mons" }))).toContain("timeZone");
    expect(expectValidationFailed(await patchMe(owner.accessToken, { timeZone: "+02:00" }))).toContain("timeZone");
    expect(expectValidationFailed(await patchMe(owner.accessToken, { name: "  " }))).toContain("name");
    expectError(await patchMe(owner.accessToken, {}), 400, "VALIDATION_FAILED");
    const after = await api.current.db.selectFrom("users").selectAll().where("id", "=", owner.user.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it("is for people: an API key is refused", async () => {
    const key = await anApiKey(api.current, owner.accessToken, { scope: "write" });
    expectError(await patchMe(key.secret, { timeZone: "UTC" }), 403, "FORBIDDEN");
  });
});
