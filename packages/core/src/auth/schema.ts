import { z } from "zod";
import { orgWithRoleSchema } from "../org/schema.js";
import { userSchema } from "../users/schema.js";
import { PASSWORD_EQUALS_EMAIL_MESSAGE, passwordEqualsEmail, passwordSchema } from "./password-policy.js";

const email = z.email().max(254);
/** A password being checked (login, change): any length the policy could have allowed. */
const givenPassword = z.string().min(1).max(256);
const refreshToken = z.string().min(1).max(512);

export const tokenResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().describe("access token lifetime in seconds"),
  user: userSchema,
  org: orgWithRoleSchema,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** What the web app's cookie session routes answer: the token response without the refresh token, which travels in an httpOnly cookie. */
export const browserSessionSchema = tokenResponseSchema.omit({ refreshToken: true });
export type BrowserSession = z.infer<typeof browserSessionSchema>;

/** Switching org in the web app: the refresh token is the session cookie. */
export const browserSwitchOrgInput = z.object({ orgId: z.uuid() });

/** Changing the password in the web app: this session (the cookie) stays signed in. */
export const browserChangePasswordInput = z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema });

export const meSchema = z.object({ user: userSchema, org: orgWithRoleSchema, memberships: z.array(orgWithRoleSchema) });
export type Me = z.infer<typeof meSchema>;

export const registerInput = z
  .object({
    email,
    password: passwordSchema,
    name: z.string().trim().min(1).max(200),
    orgName: z.string().trim().min(1).max(200),
  })
  .refine((v) => !passwordEqualsEmail(v.password, v.email), { path: ["password"], message: PASSWORD_EQUALS_EMAIL_MESSAGE });
export type RegisterInput = z.infer<typeof registerInput>;

export const loginInput = z.object({ email, password: givenPassword, orgId: z.uuid().optional() });
export type LoginInput = z.infer<typeof loginInput>;

/** Refresh and logout: the refresh token the client holds. */
export const refreshInput = z.object({ refreshToken });
export type RefreshInput = z.infer<typeof refreshInput>;

export const switchOrgInput = refreshInput.extend({ orgId: z.uuid() });
export type SwitchOrgInput = z.infer<typeof switchOrgInput>;

export const forgotPasswordInput = z.object({ email });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordInput>;

export const resetPasswordInput = z.object({ token: z.string().min(1).max(512), password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;

export const changePasswordInput = z.object({
  currentPassword: givenPassword,
  newPassword: passwordSchema,
  refreshToken: refreshToken.optional().describe("This session's refresh token, to keep it"),
});
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
