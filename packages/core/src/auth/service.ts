import { randomUUID } from "node:crypto";
import type { Db, RefreshTokenRow, Tx, UserRow } from "@incidentops/db";
import { recordAudit } from "../audit/service.js";
import type { Config } from "../config.js";
import { isUniqueViolation } from "../db-errors.js";
import { AppError } from "../errors.js";
import { findMembership, insertOrgWithAdmin, listMemberships, type MembershipRow } from "../org/repository.js";
import { toOrgWithRole } from "../org/service.js";
import type { UserActor } from "../policy.js";
import { setScope, transact } from "../scope.js";
import {
  findFamilyOf,
  findRefreshTokenForUpdate,
  insertRefreshToken,
  lockUnusedSuccessor,
  markRotated,
  revokeFamily,
  stampRotationOnCommit,
} from "../sessions/repository.js";
import { generateRefreshToken } from "../sessions/tokens.js";
import { findUserByEmail, findUserById, insertUser } from "../users/repository.js";
import { normalizeEmail, toUser } from "../users/service.js";
import { signAccessToken } from "./access-token.js";
import { accountSource, scopeToHomeOrg, type RequestSource } from "./account-audit.js";
import { isLockedOut } from "./login-throttle.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { clearLoginThrottle, lockLoginThrottle, recordLoginFailure } from "./repository.js";
import type { LoginInput, Me, RefreshInput, RegisterInput, SwitchOrgInput, TokenResponse } from "./schema.js";
import { hashSecretToken } from "../secret-tokens.js";

export type AuthConfig = Pick<Config, "jwt" | "refreshTokenTtlSeconds">;

/**
 * How long after its first exchange a refresh token presented again is taken for a client whose
 * answer was lost (a stalled database, a dropped connection) rather than for a thief, while what
 * it was exchanged for is still unused: it is exchanged again (decision 0055).
 */
export const REFRESH_REUSE_GRACE_SECONDS = 60;

const invalidCredentials = () => new AppError("INVALID_CREDENTIALS", "Invalid email or password");
const invalidRefreshToken = () =>
  new AppError("UNAUTHORIZED", "The refresh token is invalid, expired or revoked: log in again");

export async function issueTokens(
  db: Db | Tx,
  config: AuthConfig,
  user: UserRow,
  membership: MembershipRow,
  familyId: string = randomUUID(),
  tokenId: string = randomUUID(),
): Promise<TokenResponse> {
  const refresh = generateRefreshToken();
  await insertRefreshToken(db, {
    id: tokenId,
    hash: refresh.hash,
    userId: user.id,
    orgId: membership.org_id,
    familyId,
    ttlSeconds: config.refreshTokenTtlSeconds,
  });
  return {
    accessToken: signAccessToken(config.jwt, { userId: user.id, orgId: membership.org_id, role: membership.role }),
    refreshToken: refresh.token,
    tokenType: "Bearer",
    expiresIn: config.jwt.accessTokenTtlSeconds,
    user: toUser(user),
    org: toOrgWithRole(membership),
  };
}

export async function register(
  db: Db,
  config: AuthConfig,
  input: RegisterInput,
): Promise<TokenResponse> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await transact(db, async (tx) => {
      const user = await insertUser(tx, { email: normalizeEmail(input.email), name: input.name, passwordHash });
      await setScope(tx, { userId: user.id });
      const { org, role } = await insertOrgWithAdmin(tx, input.orgName, user.id);
      const membership: MembershipRow = {
        org_id: org.id,
        org_name: org.name,
        org_created_at: org.created_at,
        role,
        joined_at: org.created_at,
      };
      return issueTokens(tx, config, user, membership);
    });
  } catch (error) {
    if (isUniqueViolation(error, "users_email_key")) {
      throw new AppError("EMAIL_TAKEN", "An account with this email already exists: log in instead", {
        fields: { email: ["already registered"] },
      });
    }
    throw error;
  }
}

/**
 * Email and password for tokens, with brute-force protection: the account's throttle row is
 * locked for the whole attempt, so concurrent attempts are counted one by one. After
 * LOGIN_MAX_FAILURES failures in a window, every attempt (even with the right password) is
 * refused with 429 LOGIN_LOCKED until the window ends. Unknown emails are throttled alike, so
 * the answers never tell which accounts exist. Failures and the lock are committed (and
 * audited) before the error is thrown.
 */
export async function login(
  db: Db,
  config: AuthConfig,
  input: LoginInput,
  request: RequestSource,
): Promise<TokenResponse> {
  const email = normalizeEmail(input.email);
  const outcome = await transact(db, async (tx) => {
    const throttle = await lockLoginThrottle(tx, email);
    if (isLockedOut(throttle)) return { kind: "locked" as const, retryAfterSeconds: throttle.retryAfterSeconds };
    const user = await findUserByEmail(tx, email);
    if (!(await verifyPassword(user?.password_hash, input.password)) || user === undefined) {
      const after = await recordLoginFailure(tx, email);
      const orgId = user === undefined ? null : await scopeToHomeOrg(tx, user.id, input.orgId);
      const source = accountSource(user?.id ?? null, request);
      const target = user === undefined ? {} : { targetType: "user", targetId: user.id };
      await recordAudit(tx, source, { orgId, action: "auth.login.failed", ...target, data: { email, failures: after.failures } });
      if (isLockedOut(after)) {
        await recordAudit(tx, source, {
          orgId,
          action: "auth.login.locked",
          ...target,
          data: { email, failures: after.failures, lockedForSeconds: after.retryAfterSeconds },
        });
      }
      return { kind: "failed" as const };
    }
    // The password is right: whatever follows, the failures so far no longer count.
    await clearLoginThrottle(tx, email);
    await setScope(tx, { userId: user.id });
    const membership =
      input.orgId === undefined ? (await listMemberships(tx, user.id))[0] : await findMembership(tx, user.id, input.orgId);
    if (membership === undefined) return { kind: "no-membership" as const };
    await setScope(tx, { userId: user.id, orgId: membership.org_id });
    const tokens = await issueTokens(tx, config, user, membership);
    await recordAudit(tx, accountSource(user.id, request), {
      orgId: membership.org_id,
      action: "auth.login.succeeded",
      targetType: "user",
      targetId: user.id,
    });
    return { kind: "ok" as const, tokens };
  });
  switch (outcome.kind) {
    case "locked":
      throw new AppError(
        "LOGIN_LOCKED",
        `Too many failed logins for this account: try again in ${outcome.retryAfterSeconds} seconds, or reset the password`,
        { retryAfterSeconds: outcome.retryAfterSeconds },
      );
    case "failed":
      throw invalidCredentials();
    case "no-membership":
      throw new AppError(
        "FORBIDDEN",
        input.orgId === undefined ? "This account belongs to no organisation" : "You are not a member of this organisation",
      );
    case "ok":
      return outcome.tokens;
  }
}

/** Audits, under the token's org, that a refresh token was presented again: as theft, or within the grace. */
async function auditPresentedAgain(
  tx: Tx,
  row: RefreshTokenRow,
  request: RequestSource,
  action: "auth.refresh.reuse_detected" | "auth.refresh.retried",
): Promise<void> {
  await setScope(tx, { userId: row.user_id, orgId: row.active_org_id });
  await recordAudit(tx, accountSource(row.user_id, request), {
    orgId: row.active_org_id,
    action,
    targetType: "user",
    targetId: row.user_id,
    data: { familyId: row.family_id },
  });
}

/**
 * Exchanges a refresh token for a new pair (rotation), optionally moving to another org.
 * Presenting a token that was already exchanged revokes its whole family: someone else holds it.
 * Unless the answer of that exchange was lost: within REFRESH_REUSE_GRACE_SECONDS of it, while
 * what it gave was never used, the token is exchanged again, and that unused successor counts as
 * exchanged for the new one too, as of the same time, so the family keeps exactly one live token
 * and presenting the replaced successor later is reuse like any other (decision 0055).
 */
export async function rotateRefreshToken(
  db: Db,
  config: AuthConfig,
  input: RefreshInput | SwitchOrgInput,
  request: RequestSource,
): Promise<TokenResponse> {
  const outcome = await transact(db, async (tx) => {
    const row = await findRefreshTokenForUpdate(tx, hashSecretToken(input.refreshToken));
    if (row === undefined || row.revoked_at !== null || row.expires_at.getTime() <= Date.now()) {
      return { kind: "invalid" as const };
    }
    const unusedSuccessor = row.rotated_at === null ? undefined : await lockUnusedSuccessor(tx, row.id, REFRESH_REUSE_GRACE_SECONDS);
    if (row.rotated_at !== null && unusedSuccessor === undefined) {
      await revokeFamily(tx, row.family_id);
      await auditPresentedAgain(tx, row, request, "auth.refresh.reuse_detected");
      return { kind: "reused" as const };
    }
    const switchTo = "orgId" in input ? input.orgId : undefined;
    const orgId = switchTo ?? row.active_org_id;
    await setScope(tx, { userId: row.user_id });
    const user = await findUserById(tx, row.user_id);
    const membership = await findMembership(tx, row.user_id, orgId);
    if (user === undefined) return { kind: "invalid" as const };
    if (membership === undefined) {
      // Switching to an org the user is not in keeps the session; a lost membership ends it.
      return switchTo === undefined ? { kind: "invalid" as const } : { kind: "not-member" as const };
    }
    const successorId = randomUUID();
    const tokens = await issueTokens(tx, config, user, membership, row.family_id, successorId);
    await markRotated(tx, row.id, successorId);
    if (unusedSuccessor === undefined) {
      await stampRotationOnCommit(tx, row.id);
    } else {
      // Whoever holds the unused successor presents a rotated token from now on: theft, unless
      // within this token's window while the new one is unused (decision 0055).
      await markRotated(tx, unusedSuccessor.id, successorId, unusedSuccessor.exchangedAt);
      await auditPresentedAgain(tx, row, request, "auth.refresh.retried");
    }
    return { kind: "ok" as const, tokens };
  });
  switch (outcome.kind) {
    case "invalid":
      throw invalidRefreshToken();
    case "reused":
      throw new AppError(
        "UNAUTHORIZED",
        "This refresh token was already used: every token of this session is now revoked, log in again",
        { reason: "refresh_token_reused" },
      );
    case "not-member":
      throw new AppError("FORBIDDEN", "You are not a member of this organisation");
    case "ok":
      return outcome.tokens;
  }
}

/** Ends the session the token belongs to. Unknown tokens are accepted silently (idempotent). */
export async function logout(db: Db, input: RefreshInput): Promise<void> {
  const familyId = await findFamilyOf(db, hashSecretToken(input.refreshToken));
  if (familyId !== undefined) await revokeFamily(db, familyId);
}

export async function me(db: Db, actor: UserActor): Promise<Me> {
  const [user, memberships] = await Promise.all([findUserById(db, actor.userId), listMemberships(db, actor.userId)]);
  const current = memberships.find((m) => m.org_id === actor.orgId);
  if (user === undefined || current === undefined) throw new AppError("UNAUTHORIZED", "Your membership of this organisation has ended");
  return { user: toUser(user), org: toOrgWithRole(current), memberships: memberships.map(toOrgWithRole) };
}
