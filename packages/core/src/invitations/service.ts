import { createHash, randomBytes } from "node:crypto";
import type { Db, InvitationRow, OrgRole, Tx, UserRow } from "@incidentops/db";
import { sql } from "kysely";
import { auditAction, recordAudit } from "../audit/record.js";
import { assertPasswordNotEmail } from "../auth/password-policy.js";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import { issueTokens, normalizeEmail, type AuthConfig, type TokenResponse } from "../auth/service.js";
import type { Config } from "../config.js";
import { isUniqueViolation } from "../db-errors.js";
import { AppError, notFound } from "../errors.js";
import { enqueueJob } from "../jobs/enqueue.js";
import { olderThan } from "../keyset.js";
import { iso, isoOrNull } from "../mapping.js";
import { publicUrlOf } from "../notifications/channels.js";
import { findMembership } from "../org/repository.js";
import { createdAtCursor, decodeCursor, toPage, type Page } from "../pagination.js";
import { actorUserId, type Actor } from "../policy.js";
import { setScope, transact } from "../scope.js";
import type { CreatedInvitation, Invitation } from "./schema.js";

/** Every invitation token starts with this, so a leaked one is recognisable. */
export const INVITATION_TOKEN_PREFIX = "ioi_";

/** How long an invitation can be accepted. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 60 * 60;

/** `ioi_` + base64url of 32 random bytes (256 bits); only its SHA-256 is stored. */
export const generateInvitationToken = () => `${INVITATION_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;

export const hashInvitationToken = (token: string): Buffer => createHash("sha256").update(token).digest();

function statusOf(row: InvitationRow, now: Date): Invitation["status"] {
  if (row.accepted_at !== null) return "accepted";
  if (row.revoked_at !== null) return "revoked";
  if (row.expires_at.getTime() <= now.getTime()) return "expired";
  return "pending";
}

export function toInvitation(row: InvitationRow, now = new Date()): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: statusOf(row, now),
    invitedBy: row.invited_by,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    acceptedAt: isoOrNull(row.accepted_at),
    acceptedBy: row.accepted_by,
    revokedAt: isoOrNull(row.revoked_at),
  };
}

export const acceptInvitationUrl = (config: Pick<Config, "publicUrl" | "port">, token: string) =>
  `${publicUrlOf(config).replace(/\/+$/, "")}/accept-invitation?token=${encodeURIComponent(token)}`;

function invitationEmail(input: {
  orgName: string;
  inviterName: string | null;
  role: OrgRole;
  link: string;
  token: string;
  expiresAt: Date;
}): { subject: string; text: string } {
  const who = input.inviterName === null ? "You have" : `${input.inviterName} has`;
  return {
    subject: `You are invited to join ${input.orgName} on IncidentOps`,
    text: [
      `${who} invited you to join ${input.orgName} on IncidentOps as ${input.role}.`,
      "",
      `Accept the invitation: ${input.link}`,
      "",
      `Or accept it through the API (POST /v1/auth/accept-invitation) with this token: ${input.token}`,
      "",
      `The invitation can be used once and expires on ${iso(input.expiresAt)}.`,
      "If you did not expect it, ignore this email.",
    ].join("\n"),
  };
}

/**
 * Invites `email` into the actor's org with `role`, and emails the link through the worker (the
 * job commits with the invitation). The token is returned this once; only its hash is stored.
 * Inviting a current member is a 409 CONFLICT. A pending invitation for the same email is
 * replaced: it is revoked (its link stops working) and the new one is the only valid one.
 */
export async function createInvitation(
  db: Db | Tx,
  actor: Actor,
  config: Pick<Config, "publicUrl" | "port">,
  input: { email: string; role: OrgRole },
): Promise<CreatedInvitation> {
  const email = normalizeEmail(input.email);
  const token = generateInvitationToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_SECONDS * 1000);
  return transact(db, async (tx) => {
    // Serialises invitations of one email into one org, so two at once cannot both stay pending.
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`invitation:${actor.orgId}:${email}`}, 0))`.execute(tx);
    const member = await tx
      .selectFrom("org_members")
      .innerJoin("users", "users.id", "org_members.user_id")
      .select("users.id")
      .where("org_members.org_id", "=", actor.orgId)
      .where("users.email", "=", email)
      .executeTakeFirst();
    if (member !== undefined) {
      throw new AppError("CONFLICT", "This person is already a member of the organisation", {
        fields: { email: ["already a member"] },
        userId: member.id,
      });
    }
    const replaced = await tx
      .updateTable("invitations")
      .set({ revoked_at: sql<Date>`now()` })
      .where("org_id", "=", actor.orgId)
      .where("email", "=", email)
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`)
      .returning(["id", "role"])
      .execute();
    for (const old of replaced) {
      await auditAction(tx, actor, {
        action: "invitation.revoked",
        targetType: "invitation",
        targetId: old.id,
        data: { email, role: old.role, reason: "replaced" },
      });
    }
    const inviterId = actorUserId(actor);
    const row = await tx
      .insertInto("invitations")
      .values({
        org_id: actor.orgId,
        email,
        role: input.role,
        token_hash: hashInvitationToken(token),
        invited_by: inviterId,
        expires_at: expiresAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const org = await tx.selectFrom("orgs").select("name").where("id", "=", actor.orgId).executeTakeFirstOrThrow();
    const inviter =
      inviterId === null ? undefined : await tx.selectFrom("users").select("name").where("id", "=", inviterId).executeTakeFirst();
    const message = invitationEmail({
      orgName: org.name,
      inviterName: inviter?.name ?? null,
      role: row.role,
      link: acceptInvitationUrl(config, token),
      token,
      expiresAt: row.expires_at,
    });
    await enqueueJob(tx, "send_account_email", { to: email, ...message, requestId: actor.requestId });
    await auditAction(tx, actor, {
      action: "invitation.created",
      targetType: "invitation",
      targetId: row.id,
      data: { email, role: row.role, expiresAt: iso(row.expires_at), replaced: replaced.map((r) => r.id) },
    });
    return { ...toInvitation(row), token };
  });
}

/** The org's invitations, newest first, with their status; optionally only those of one status. */
export async function listInvitations(
  db: Db | Tx,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number; status?: Invitation["status"] | undefined },
): Promise<Page<Invitation>> {
  let query = db.selectFrom("invitations").selectAll().where("org_id", "=", actor.orgId);
  if (input.cursor !== undefined) query = query.where(olderThan(decodeCursor(createdAtCursor, input.cursor)));
  switch (input.status) {
    case "accepted":
      query = query.where("accepted_at", "is not", null);
      break;
    case "revoked":
      query = query.where("accepted_at", "is", null).where("revoked_at", "is not", null);
      break;
    case "expired":
      query = query.where("accepted_at", "is", null).where("revoked_at", "is", null).where("expires_at", "<=", sql<Date>`now()`);
      break;
    case "pending":
      query = query.where("accepted_at", "is", null).where("revoked_at", "is", null).where("expires_at", ">", sql<Date>`now()`);
      break;
    case undefined:
      break;
  }
  const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").limit(input.limit + 1).execute();
  const now = new Date();
  return toPage(rows, input.limit, (row) => toInvitation(row, now), (r) => ({ createdAt: iso(r.created_at), id: r.id }));
}

/**
 * Revokes an invitation: its token is refused from now on. Revoking it again answers it as it
 * is (audited once); an accepted invitation cannot be revoked (remove the member instead).
 */
export async function revokeInvitation(db: Db | Tx, actor: Actor, invitationId: string): Promise<Invitation> {
  return transact(db, async (tx) => {
    const current = await tx
      .selectFrom("invitations")
      .selectAll()
      .where("org_id", "=", actor.orgId)
      .where("id", "=", invitationId)
      .forUpdate()
      .executeTakeFirst();
    if (current === undefined) throw notFound("Invitation");
    if (current.accepted_at !== null) {
      throw new AppError("CONFLICT", "This invitation was already accepted: remove the member instead", {
        status: "accepted",
      });
    }
    if (current.revoked_at !== null) return toInvitation(current);
    const row = await tx
      .updateTable("invitations")
      .set({ revoked_at: sql<Date>`now()` })
      .where("org_id", "=", actor.orgId)
      .where("id", "=", invitationId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await auditAction(tx, actor, {
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: row.id,
      data: { email: row.email, role: row.role },
    });
    return toInvitation(row);
  });
}

const invalidInvitation = () =>
  new AppError("INVALID_TOKEN", "This invitation is invalid, expired, revoked or already used: ask for a new one");

/** Throws INVALID_TOKEN unless the invitation exists and can still be accepted. */
function assertAcceptable(row: InvitationRow | undefined): asserts row is InvitationRow {
  if (row === undefined || statusOf(row, new Date()) !== "pending") throw invalidInvitation();
}

function findInvitationByHash(tx: Tx, hash: Buffer, lock: boolean): Promise<InvitationRow | undefined> {
  const query = tx.selectFrom("invitations").selectAll().where("token_hash", "=", hash);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/**
 * Accepts an invitation and signs the person into the inviting org. Someone without an account
 * gets one (name and password); someone with an account must give its password, so the token
 * alone never opens an existing account. Single use: the invitation row is locked, so two
 * concurrent accepts cannot both succeed.
 */
export async function acceptInvitation(
  db: Db,
  config: AuthConfig,
  input: { token: string; name?: string | undefined; password: string },
  request: { requestId: string; ip: string | null },
): Promise<TokenResponse> {
  const hash = hashInvitationToken(input.token);
  const lookupHash = hash.toString("hex");
  // A first look (no lock) finds the email, so the slow password work happens before any lock.
  const first = await transact(db, async (tx) => {
    await setScope(tx, { lookupHash });
    return findInvitationByHash(tx, hash, false);
  });
  assertAcceptable(first);
  const existing = await db.selectFrom("users").selectAll().where("email", "=", first.email).executeTakeFirst();
  let newUser: { name: string; passwordHash: string } | undefined;
  if (existing !== undefined) {
    if (!(await verifyPassword(existing.password_hash, input.password))) {
      throw new AppError("INVALID_CREDENTIALS", "An account with the invited email exists: give its password to accept");
    }
  } else {
    const name = input.name?.trim() ?? "";
    if (name === "") {
      throw new AppError("VALIDATION_FAILED", "No account exists for the invited email: give a name to create one", {
        fields: { name: ["required to create the account"] },
      });
    }
    assertPasswordNotEmail(input.password, first.email);
    newUser = { name, passwordHash: await hashPassword(input.password) };
  }

  try {
    return await transact(db, async (tx) => {
      await setScope(tx, { lookupHash });
      const invitation = await findInvitationByHash(tx, hash, true);
      assertAcceptable(invitation);
      let user: UserRow;
      if (newUser === undefined) {
        // The account found above: re-read it in this transaction (it may have been deleted since).
        const row = await tx.selectFrom("users").selectAll().where("email", "=", invitation.email).executeTakeFirst();
        if (row === undefined || row.id !== existing?.id) throw invalidInvitation();
        user = row;
      } else {
        user = await tx
          .insertInto("users")
          .values({ email: invitation.email, name: newUser.name, password_hash: newUser.passwordHash })
          .returningAll()
          .executeTakeFirstOrThrow();
      }
      await setScope(tx, { orgId: invitation.org_id, userId: user.id, lookupHash });
      if ((await findMembership(tx, user.id, invitation.org_id)) !== undefined) {
        throw new AppError("CONFLICT", "You are already a member of this organisation: log in instead");
      }
      await tx.insertInto("org_members").values({ org_id: invitation.org_id, user_id: user.id, role: invitation.role }).execute();
      await tx
        .updateTable("invitations")
        .set({ accepted_at: sql<Date>`now()`, accepted_by: user.id })
        .where("org_id", "=", invitation.org_id)
        .where("id", "=", invitation.id)
        .execute();
      const source = { actorType: "user" as const, actorId: user.id, requestId: request.requestId, ip: request.ip };
      await recordAudit(tx, source, {
        orgId: invitation.org_id,
        action: "invitation.accepted",
        targetType: "invitation",
        targetId: invitation.id,
        data: { email: invitation.email, role: invitation.role, userId: user.id, newAccount: newUser !== undefined },
      });
      await recordAudit(tx, source, {
        orgId: invitation.org_id,
        action: "member.added",
        targetType: "user",
        targetId: user.id,
        data: { role: invitation.role, invitationId: invitation.id },
      });
      const membership = await findMembership(tx, user.id, invitation.org_id);
      if (membership === undefined) throw new Error("unreachable: the membership was just inserted");
      return issueTokens(tx, config, user, membership);
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) {
      throw new AppError("EMAIL_TAKEN", "An account with the invited email was just created: accept again with its password", {
        fields: { password: ["give the password of the existing account"] },
      });
    }
    throw error;
  }
}
