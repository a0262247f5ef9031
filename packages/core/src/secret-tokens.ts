import { createHash, randomBytes } from "node:crypto";

/**
 * A bearer secret the API hands out once (an API key, a refresh, reset or invitation token, a
 * calendar feed's address, a stream ticket): 256 random bits in base64url, after `prefix`, which
 * says what the secret is to whoever finds one (and to secret scanners).
 */
export const newSecretToken = (prefix = ""): string => `${prefix}${randomBytes(32).toString("base64url")}`;

/**
 * What is stored of a secret token: its SHA-256, by which it is looked up when presented. A token
 * of 256 random bits needs no salt and no slow hash: nobody can guess one to test against it.
 */
export const hashSecretToken = (token: string): Buffer => createHash("sha256").update(token).digest();
