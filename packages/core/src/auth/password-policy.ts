import { z } from "zod";
import { AppError } from "../errors.js";

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
export const PASSWORD_EQUALS_EMAIL_MESSAGE = "must not be the account's email address";

/**
 * The minimum password policy, for every route that sets a password (register, reset, change,
 * accept-invitation): 8 to 256 characters, not only whitespace. Whether it equals the email is
 * checked where the email is known: `passwordEqualsEmail` / `assertPasswordNotEmail`.
 */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `must be at most ${PASSWORD_MAX_LENGTH} characters`)
  .refine((password) => password.trim().length > 0, "must not be only whitespace")
  .describe(`${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters, not only whitespace, not the account's email`);

/** True when the password is the email itself (ignoring case and surrounding spaces). */
export const passwordEqualsEmail = (password: string, email: string) =>
  password.trim().toLowerCase() === email.trim().toLowerCase();

/** Refuses a password equal to the account's email, naming `field` in the validation details. */
export function assertPasswordNotEmail(password: string, email: string, field = "password"): void {
  if (passwordEqualsEmail(password, email)) {
    throw new AppError("VALIDATION_FAILED", "The request is invalid: see details.fields", {
      fields: { [field]: [PASSWORD_EQUALS_EMAIL_MESSAGE] },
    });
  }
}
