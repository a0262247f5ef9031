import type { Invitation, Page, TokenResponse } from "@incidentops/core";
import type { Db, OrgRole } from "@incidentops/db";
import { expect } from "vitest";
import { anInvitation, uniqueName, type TestApi } from "@incidentops/testkit";

// What the member, invitation and org tests (members, invitations, orgs) share.

/** A request id of this file's own, to find the request's audit entries and jobs by. */
export const requestId = (label: string) => uniqueName(`members-${label}`);

/** Invites `email` as `role`, under a request id of its own: the invitation, its token and that request id. */
export async function invite(api: TestApi, token: string, email: string, role: OrgRole, reqId = requestId("invite")) {
  const created = await anInvitation(api, token, { email, role }, { "x-request-id": reqId });
  return { invitation: created.invitation, token: created.token, requestId: reqId };
}

export function accept(api: TestApi, body: { token: string; name?: string; password?: string }, reqId = requestId("accept")) {
  return api.request<TokenResponse>("POST", "/v1/auth/accept-invitation", { body, headers: { "x-request-id": reqId } });
}

export function invitationRow(db: Db, id: string) {
  return db.selectFrom("invitations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** The membership's row, or undefined. */
export function membership(db: Db, orgId: string, userId: string) {
  return db.selectFrom("org_members").selectAll().where("org_id", "=", orgId).where("user_id", "=", userId).executeTakeFirst();
}

/** The user ids of the org's admins, sorted. */
export async function adminsOf(db: Db, orgId: string): Promise<string[]> {
  const rows = await db.selectFrom("org_members").select("user_id").where("org_id", "=", orgId).where("role", "=", "admin").orderBy("user_id").execute();
  return rows.map((r) => r.user_id);
}

export async function listInvitations(api: TestApi, token: string, query = "") {
  const res = await api.request<Page<Invitation>>("GET", `/v1/org/invitations?limit=200${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
