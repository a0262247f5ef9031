import { createHash, randomBytes } from "node:crypto";

/** A refresh token: 256 bits of randomness; only its SHA-256 is stored. */
export function generateRefreshToken(): { token: string; hash: Buffer } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): Buffer {
  return createHash("sha256").update(token).digest();
}
