import { createSecretKey, randomUUID, type KeyObject } from "node:crypto";
import jwt from "jsonwebtoken";
import { z } from "zod";
import type { Config } from "../config.js";

export type JwtConfig = Config["jwt"];

const claimsSchema = z.object({
  sub: z.uuid(),
  org_id: z.uuid(),
  org_role: z.enum(["viewer", "member", "admin"]),
  jti: z.string(),
  iat: z.number(),
  exp: z.number(),
});

export type AccessTokenClaims = z.infer<typeof claimsSchema>;

// jsonwebtoken turns a string secret into a key object on every call, first by trying to parse it
// as a PEM public key, which throws: that was a quarter of the API's CPU time on authenticated
// reads (bench/README.md). The same key (the secret's UTF-8 bytes, as jsonwebtoken makes it) is
// made once per secret instead.
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (key === undefined) {
    key = createSecretKey(Buffer.from(secret, "utf8"));
    keys.set(secret, key);
  }
  return key;
}

export function signAccessToken(
  config: JwtConfig,
  subject: { userId: string; orgId: string; role: AccessTokenClaims["org_role"] },
): string {
  return jwt.sign({ org_id: subject.orgId, org_role: subject.role }, keyOf(config.secret), {
    algorithm: config.algorithm,
    subject: subject.userId,
    issuer: config.issuer,
    audience: config.audience,
    expiresIn: config.accessTokenTtlSeconds,
    jwtid: randomUUID(),
  });
}

// A client presents the same access token on every call until it expires, and checking its
// signature took about a twentieth of the API process's CPU time on reads (bench/README.md).
// The claims of the tokens verified lately are kept, by the token's exact text and per
// configuration: a token found here is one this process verified with the same key, issuer and
// audience, and only its expiry can have changed. Refused tokens are not kept.
const MAX_VERIFIED_TOKENS = 10_000;
const verified = new WeakMap<JwtConfig, Map<string, AccessTokenClaims>>();

function verifiedClaims(config: JwtConfig): Map<string, AccessTokenClaims> {
  let claims = verified.get(config);
  if (claims === undefined) {
    claims = new Map();
    verified.set(config, claims);
  }
  return claims;
}

function rememberVerified(known: Map<string, AccessTokenClaims>, token: string, claims: AccessTokenClaims): void {
  // The oldest goes first (a Map iterates in insertion order).
  if (known.size >= MAX_VERIFIED_TOKENS) known.delete(known.keys().next().value as string);
  known.set(token, claims);
}

/** How far ahead of this server's clock another's may run: a token issued later than that is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 60;

/**
 * Verifies signature, algorithm (pinned: `none` and any other algorithm are refused), issuer,
 * audience, expiry, and that it was not issued in the future (beyond MAX_CLOCK_SKEW_SECONDS: a
 * token minted with a key that leaked, or a clock that is wrong, would otherwise outlive its
 * stated lifetime). Returns null for any token that fails; callers answer 401.
 */
export function verifyAccessToken(config: JwtConfig, token: string): AccessTokenClaims | null {
  const verified = verifiedClaims(config);
  const known = verified.get(token);
  if (known !== undefined && known.exp > Date.now() / 1000) return known;
  verified.delete(token);
  const claims = verifySignedToken(config, token);
  if (claims !== null) rememberVerified(verified, token, claims);
  return claims;
}

function verifySignedToken(config: JwtConfig, token: string): AccessTokenClaims | null {
  try {
    const payload = jwt.verify(token, keyOf(config.secret), {
      algorithms: [config.algorithm],
      issuer: config.issuer,
      audience: config.audience,
    });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success || claims.data.iat > Date.now() / 1000 + MAX_CLOCK_SKEW_SECONDS) return null;
    return claims.data;
  } catch {
    return null;
  }
}
