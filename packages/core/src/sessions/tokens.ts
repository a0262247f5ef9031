import { hashSecretToken, newSecretToken } from "../secret-tokens.js";

/** A refresh token, and the SHA-256 that is all the database keeps of it. */
export function generateRefreshToken(): { token: string; hash: Buffer } {
  const token = newSecretToken();
  return { token, hash: hashSecretToken(token) };
}
