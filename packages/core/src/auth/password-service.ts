import { createHash, randomBytes } from "node:crypto";
import type { Db, Tx } from "@incidentops/db";
import { sql } from "kysely";
import { auditAction, recordAudit } from "../audit/record.js";
import type { Config } from "../config.js";
import { AppError } from "../errors.js";
import { enqueueJob } from "../jobs/enqueue.js";
import { publicUrlOf } from "../notifications/channels.js";
import type { UserActor } from "../policy.js";
import { transact } from "../scope.js";
import { accountSource, auditAccountEvent, type RequestSource } from "./account-audit.js";
import { clearLoginThrottle } from "./login-throttle.js";
import { assertPasswordNotEmail } from "./password-policy.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { hashRefreshToken } from "./refresh-token-repository.js";

/** How long a password reset link works. */
export const RESET_TOKEN_TTL_SECONDS = 60 * 60;

/** base64url of 32 random bytes (256 bits); only its SHA-256 is stored. */
export const generateResetToken = () => randomBytes(32).toString("base64url");
export const hashResetToken = (token: string): Buffer => createHash("sha256").update(token).digest();

export const resetPasswordUrl = (config: Pick<Config, "publicUrl" | "port">, token: string) =>
  `${publicUrlOf(config).replace(/\/+$/, "")}/reset-password?token=${encodeURIComponent(token)}`;

const normalizeEmail = (email: string) => email.trim().toLowerCase();

function resetEmailText(name: string, email: string, link: string): string {
  return [
    `Hello ${name},`,
    "",
    `Someone (hopefully you) asked to reset the password of the IncidentOps account ${email}.`,
    "Choose a new password within one hour at:",
    "",
    link,
    "",
    "The link works once. Resetting the password signs the account out everywhere.",
    "If you did not ask for this, ignore this email: your password stays as it is.",
  ].join("\n");
}

/**
 * Emails a single-use reset link to the account, if there is one. The caller always gets the
 * same answer, and both paths do comparable work (one transaction writing an audit entry), so
 * neither the response nor its timing tells whether the email is registered.
 */
export async function requestPasswordReset(
  db: Db,
  config: Pick<Config, "publicUrl" | "port">,
  input: { email: string },
  request: RequestSource,
): Promise<void> {
  const email = normalizeEmail(input.email);
  const token = generateResetToken();
  const tokenHash = hashResetToken(token);
  await transact(db, async (tx) => {
    const user = await tx.selectFrom("users").select(["id", "email", "name"]).where("email", "=", email).executeTakeFirst();
    if (user === undefined) {
      // Filed under no org: only operators see it, never a tenant.
      await recordAudit(
        tx,
        accountSource(null, request),
        { orgId: null, action: "password.reset_requested", data: { email } },
      );
      return;
    }
    await tx
      .insertInto("password_reset_tokens")
      .values({
        user_id: user.id,
        token_hash: tokenHash,
        expires_at: sql<Date>`now() + make_interval(secs => ${RESET_TOKEN_TTL_SECONDS}::int)`,
      })
      .execute();
    // Enqueued in this transaction: the email goes out if and only if the token was stored.
    await enqueueJob(tx, "send_account_email", {
      to: user.email,
      subject: "Reset your IncidentOps password",
      text: resetEmailText(user.name, user.email, resetPasswordUrl(config, token)),
      requestId: request.requestId,
    });
    await auditAccountEvent(tx, user.id, request, { action: "password.reset_requested" });
  });
}

const invalidResetToken = () =>
  new AppError("INVALID_TOKEN", "This password reset link is invalid, expired or already used: ask for a new one");

/**
 * Sets a new password with a reset token. The token works once (every outstanding reset token of
 * the user dies with it), every refresh token of the user is revoked (all sessions end), and the
 * login lockout of the account is lifted.
 */
export async function resetPassword(db: Db, input: { token: string; password: string }, request: RequestSource): Promise<void> {
  await transact(db, async (tx) => {
    // Locked, so two concurrent uses of one token are serialised: the second finds it used.
    const row = await tx
      .selectFrom("password_reset_tokens")
      .select(["id", "user_id"])
      .where("token_hash", "=", hashResetToken(input.token))
      .where("used_at", "is", null)
      .where("expires_at", ">", sql<Date>`now()`)
      .forUpdate()
      .executeTakeFirst();
    if (row === undefined) throw invalidResetToken();
    const user = await tx.selectFrom("users").select(["id", "email"]).where("id", "=", row.user_id).executeTakeFirst();
    if (user === undefined) throw invalidResetToken();
    assertPasswordNotEmail(input.password, user.email, "password");

    const passwordHash = await hashPassword(input.password);
    await tx.updateTable("users").set({ password_hash: passwordHash, updated_at: sql<Date>`now()` }).where("id", "=", user.id).execute();
    await tx
      .updateTable("password_reset_tokens")
      .set({ used_at: sql<Date>`now()` })
      .where("user_id", "=", user.id)
      .where("used_at", "is", null)
      .execute();
    const revoked = await tx
      .updateTable("refresh_tokens")
      .set({ revoked_at: sql<Date>`now()` })
      .where("user_id", "=", user.id)
      .where("revoked_at", "is", null)
      .executeTakeFirst();
    await clearLoginThrottle(tx, user.email);

    await auditAccountEvent(tx, user.id, request, {
      action: "password.reset",
      data: { refreshTokensRevoked: Number(revoked.numUpdatedRows) },
    });
  });
}

/**
 * Changes the signed-in user's password, given the current one. Every other session ends: all
 * refresh tokens of the user are revoked except the family of `refreshToken`, when the caller
 * sends the one it holds (so this session keeps refreshing). The caller's access token stays
 * valid until it expires. Outstanding reset links die too.
 *
 * Runs in the request's transaction (scoped to the caller's org), so the audit entry commits
 * with the change.
 */
export async function changePassword(
  tx: Tx,
  actor: UserActor,
  input: { currentPassword: string; newPassword: string; refreshToken?: string | undefined },
): Promise<void> {
  const user = await tx.selectFrom("users").select(["id", "email", "password_hash"]).where("id", "=", actor.userId).executeTakeFirst();
  if (user === undefined) throw new AppError("UNAUTHORIZED", "This account no longer exists");
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("INVALID_CREDENTIALS", "The current password is wrong", {
      fields: { currentPassword: ["is not the current password"] },
    });
  }
  assertPasswordNotEmail(input.newPassword, user.email, "newPassword");

  const passwordHash = await hashPassword(input.newPassword);
  await tx.updateTable("users").set({ password_hash: passwordHash, updated_at: sql<Date>`now()` }).where("id", "=", user.id).execute();

  const kept =
    input.refreshToken === undefined
      ? undefined
      : await tx
          .selectFrom("refresh_tokens")
          .select("family_id")
          .where("token_hash", "=", hashRefreshToken(input.refreshToken))
          .where("user_id", "=", user.id)
          .where("revoked_at", "is", null)
          .executeTakeFirst();
  let revoke = tx
    .updateTable("refresh_tokens")
    .set({ revoked_at: sql<Date>`now()` })
    .where("user_id", "=", user.id)
    .where("revoked_at", "is", null);
  if (kept !== undefined) revoke = revoke.where("family_id", "<>", kept.family_id);
  const revoked = await revoke.executeTakeFirst();
  await tx
    .updateTable("password_reset_tokens")
    .set({ used_at: sql<Date>`now()` })
    .where("user_id", "=", user.id)
    .where("used_at", "is", null)
    .execute();

  await auditAction(tx, actor, {
    action: "password.changed",
    targetType: "user",
    targetId: user.id,
    data: { refreshTokensRevoked: Number(revoked.numUpdatedRows), keptSession: kept !== undefined },
  });
}
