import type { Db, InvitationRow, OrgRole, Tx, UserRow } from "@incidentops/db";
import { auditAction, recordAudit } from "../audit/service.js";
import { assertPasswordNotEmail } from "../auth/password-policy.js";
import { hashPassword, verifyPassword } from "../auth/passwords.js";
import type { TokenResponse } from "../auth/schema.js";
import { issueTokens, type AuthConfig } from "../auth/service.js";
import { tokenLink, type Config } from "../config.js";
import { isUniqueViolation } from "../db-errors.js";
import { AppError, notFound } from "../errors.js";
import { enqueueJob } from "../jobs/enqueue.js";
import { iso, isoOrNull } from "../mapping.js";
import { findMemberByEmail, findMembership, findOrg, insertMember } from "../org/repository.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, toPage, type Page } from "../pagination.js";
import { actorUserId, type Actor } from "../policy.js";
import { setScope, transact } from "../scope.js";
import { findUserByEmail, findUserById, insertUser } from "../users/repository.js";
import { normalizeEmail } from "../users/service.js";
import {
  findInvitationByHash,
  findInvitationForUpdate,
  insertInvitation,
  listInvitations as listInvitationRows,
  lockInvitationsOf,
  markInvitationAccepted,
  markInvitationRevoked,
  revokePendingInvitations,
} from "./repository.js";
import type {
  AcceptInvitationInput,
  CreatedInvitation,
  CreateInvitationInput,
  Invitation,
  InvitationIdInput,
  ListInvitationsInput,
} from "./schema.js";
import { hashSecretToken, newSecretToken } from "../secret-tokens.js";

/** Every invitation token starts with this, so a leaked one is recognisable. */
export const INVITATION_TOKEN_PREFIX = "ioi_";

/** How long an invitation can be accepted. */
export const INVITATION_TTL_SECONDS = 7 * 24 * 60 * 60;

/** `ioi_` + base64url of 32 random bytes (256 bits); only its SHA-256 is stored. */


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
  tokenLink(config, "accept-invitation", token);

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
  input: CreateInvitationInput,
): Promise<CreatedInvitation> {
  const email = normalizeEmail(input.email);
  const token = newSecretToken(INVITATION_TOKEN_PREFIX);
  const expiresAt = new Date(Date.now() + INVITATION_TTL_SECONDS * 1000);
  return transact(db, async (tx) => {
    // Serialises invitations of one email into one org, so two at once cannot both stay pending.
    await lockInvitationsOf(tx, actor.orgId, email);
    const member = await findMemberByEmail(tx, actor.orgId, email);
    if (member !== undefined) {
      throw new AppError("CONFLICT", "This person is already a member of the organisation", {
        fields: { email: ["already a member"] },
        userId: member.id,
      });
    }
    const replaced = await revokePendingInvitations(tx, actor.orgId, email);
    for (const old of replaced) {
      await auditAction(tx, actor, {
        action: "invitation.revoked",
        targetType: "invitation",
        targetId: old.id,
        data: { email, role: old.role, reason: "replaced" },
      });
    }
    const inviterId = actorUserId(actor);
    const row = await insertInvitation(tx, {
      orgId: actor.orgId,
      email,
      role: input.role,
      tokenHash: hashSecretToken(token),
      invitedBy: inviterId,
      expiresAt,
    });
    const org = await findOrg(tx, actor.orgId);
    const inviter = inviterId === null ? undefined : await findUserById(tx, inviterId);
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
export async function listInvitations(db: Db | Tx, actor: Actor, input: ListInvitationsInput): Promise<Page<Invitation>> {
  const rows = await listInvitationRows(db, actor.orgId, input.status, input.limit, decodeCursor(createdAtCursor, input.cursor));
  const now = new Date();
  return toPage(rows, input.limit, (row) => toInvitation(row, now), createdAtPositionOf);
}

/**
 * Revokes an invitation: its token is refused from now on. Revoking it again answers it as it
 * is (audited once); an accepted invitation cannot be revoked (remove the member instead).
 */
export async function revokeInvitation(db: Db | Tx, actor: Actor, input: InvitationIdInput): Promise<Invitation> {
  return transact(db, async (tx) => {
    const current = await findInvitationForUpdate(tx, actor.orgId, input.invitationId);
    if (current === undefined) throw notFound("Invitation");
    if (current.accepted_at !== null) {
      throw new AppError("CONFLICT", "This invitation was already accepted: remove the member instead", {
        status: "accepted",
      });
    }
    if (current.revoked_at !== null) return toInvitation(current);
    const row = await markInvitationRevoked(tx, actor.orgId, input.invitationId);
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

/**
 * Accepts an invitation and signs the person into the inviting org. Someone without an account
 * gets one (name and password); someone with an account must give its password, so the token
 * alone never opens an existing account. Single use: the invitation row is locked, so two
 * concurrent accepts cannot both succeed.
 */
export async function acceptInvitation(
  db: Db,
  config: AuthConfig,
  input: AcceptInvitationInput,
  request: { requestId: string; ip: string | null },
): Promise<TokenResponse> {
  const hash = hashSecretToken(input.token);
  const lookupHash = hash.toString("hex");
  // A first look (no lock) finds the email, so the slow password work happens before any lock.
  const first = await transact(db, async (tx) => {
    await setScope(tx, { lookupHash });
    return findInvitationByHash(tx, hash, false);
  });
  assertAcceptable(first);
  const existing = await findUserByEmail(db, first.email);
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
        const row = await findUserByEmail(tx, invitation.email);
        if (row === undefined || row.id !== existing?.id) throw invalidInvitation();
        user = row;
      } else {
        user = await insertUser(tx, { email: invitation.email, name: newUser.name, passwordHash: newUser.passwordHash });
      }
      await setScope(tx, { orgId: invitation.org_id, userId: user.id, lookupHash });
      if ((await findMembership(tx, user.id, invitation.org_id)) !== undefined) {
        throw new AppError("CONFLICT", "You are already a member of this organisation: log in instead");
      }
      await insertMember(tx, { orgId: invitation.org_id, userId: user.id, role: invitation.role });
      await markInvitationAccepted(tx, { orgId: invitation.org_id, id: invitation.id, userId: user.id });
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
