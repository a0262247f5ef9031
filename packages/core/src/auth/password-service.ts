import type { Db, Tx } from "@incidentops/db";
import { auditAction, recordAudit } from "../audit/service.js";
import { tokenLink, type Config } from "../config.js";
import { AppError } from "../errors.js";
import { enqueueJob } from "../jobs/enqueue.js";
import type { TaskPayload } from "../jobs/tasks.js";
import type { UserActor } from "../policy.js";
import { transact } from "../scope.js";
import { findLiveFamilyOf, revokeUserRefreshTokens } from "../sessions/repository.js";
import { findUserByEmail, findUserById, setPasswordHash } from "../users/repository.js";
import { normalizeEmail } from "../users/service.js";
import { accountSource, auditAccountEvent, type RequestSource } from "./account-audit.js";
import { assertPasswordNotEmail } from "./password-policy.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { clearLoginThrottle, findUsableResetTokenForUpdate, insertResetToken, useResetTokens } from "./repository.js";
import type { ChangePasswordInput, ForgotPasswordInput, ResetPasswordInput } from "./schema.js";
import { hashSecretToken, newSecretToken } from "../secret-tokens.js";

/** How long a password reset link works. */
export const RESET_TOKEN_TTL_SECONDS = 60 * 60;

/** base64url of 32 random bytes (256 bits); only its SHA-256 is stored. */

/** The page of the web app where a reset link lands, with the token in its query. */
export const resetPasswordUrl = (config: Pick<Config, "publicUrl" | "port">, token: string) =>
  tokenLink(config, "reset-password", token);

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
 * Asks for a reset link for `email`: one job, enqueued alike whether or not an account has the
 * email (the job decides), so neither the answer nor the time it takes tells whether the email
 * is registered.
 */
export async function requestPasswordReset(db: Db, input: ForgotPasswordInput, request: RequestSource): Promise<void> {
  await enqueueJob(db, "issue_password_reset", { email: normalizeEmail(input.email), ip: request.ip, requestId: request.requestId });
}

/**
 * The `issue_password_reset` job: for an account with the email, a single-use reset token and
 * the email with its link (enqueued in the same transaction: it goes out if and only if the
 * token was stored); for none, nothing but an audit entry under no org.
 */
export async function issuePasswordReset(db: Db, config: Pick<Config, "publicUrl" | "port">, job: TaskPayload<"issue_password_reset">): Promise<"issued" | "no_account"> {
  const request: RequestSource = { requestId: job.requestId, ip: job.ip };
  const token = newSecretToken();
  return transact(db, async (tx) => {
    const user = await findUserByEmail(tx, job.email);
    if (user === undefined) {
      // Filed under no org: only operators see it, never a tenant.
      await recordAudit(tx, accountSource(null, request), { orgId: null, action: "password.reset_requested", data: { email: job.email } });
      return "no_account";
    }
    await insertResetToken(tx, { userId: user.id, hash: hashSecretToken(token), ttlSeconds: RESET_TOKEN_TTL_SECONDS });
    await enqueueJob(tx, "send_account_email", {
      to: user.email,
      subject: "Reset your IncidentOps password",
      text: resetEmailText(user.name, user.email, resetPasswordUrl(config, token)),
      requestId: job.requestId,
    });
    await auditAccountEvent(tx, user.id, request, { action: "password.reset_requested" });
    return "issued";
  });
}

const invalidResetToken = () =>
  new AppError("INVALID_TOKEN", "This password reset link is invalid, expired or already used: ask for a new one");

/**
 * Sets a new password with a reset token. The token works once (every outstanding reset token of
 * the user dies with it), every refresh token of the user is revoked (all sessions end), and the
 * login lockout of the account is lifted.
 */
export async function resetPassword(db: Db, input: ResetPasswordInput, request: RequestSource): Promise<void> {
  await transact(db, async (tx) => {
    const token = await findUsableResetTokenForUpdate(tx, hashSecretToken(input.token));
    if (token === undefined) throw invalidResetToken();
    const user = await findUserById(tx, token.user_id);
    if (user === undefined) throw invalidResetToken();
    assertPasswordNotEmail(input.password, user.email, "password");

    await setPasswordHash(tx, user.id, await hashPassword(input.password));
    await useResetTokens(tx, user.id);
    const revoked = await revokeUserRefreshTokens(tx, user.id);
    await clearLoginThrottle(tx, user.email);

    await auditAccountEvent(tx, user.id, request, { action: "password.reset", data: { refreshTokensRevoked: revoked } });
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
export async function changePassword(tx: Tx, actor: UserActor, input: ChangePasswordInput): Promise<void> {
  const user = await findUserById(tx, actor.userId);
  if (user === undefined) throw new AppError("UNAUTHORIZED", "This account no longer exists");
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("INVALID_CREDENTIALS", "The current password is wrong", {
      fields: { currentPassword: ["is not the current password"] },
    });
  }
  assertPasswordNotEmail(input.newPassword, user.email, "newPassword");

  await setPasswordHash(tx, user.id, await hashPassword(input.newPassword));
  const keptFamily = input.refreshToken === undefined ? undefined : await findLiveFamilyOf(tx, hashSecretToken(input.refreshToken), user.id);
  const revoked = await revokeUserRefreshTokens(tx, user.id, { keepFamilyId: keptFamily });
  await useResetTokens(tx, user.id);

  await auditAction(tx, actor, {
    action: "password.changed",
    targetType: "user",
    targetId: user.id,
    data: { refreshTokensRevoked: revoked, keptSession: keptFamily !== undefined },
  });
}
