import {
  acceptInvitationInput,
  authService,
  changePasswordInput,
  forgotPasswordInput,
  invitationService,
  loginInput,
  meSchema,
  okSchema,
  passwordService,
  refreshInput,
  registerInput,
  resetPasswordInput,
  switchOrgInput,
  tokenResponseSchema,
} from "@incidentops/core";
import { z } from "zod";
import { publicProcedure, router, userProcedure } from "../trpc.js";
import { ok } from "./shared.js";

const tags = ["auth"];

const sourceOf = (ctx: { requestId: string; ip: string | undefined }) => ({ requestId: ctx.requestId, ip: ctx.ip ?? null });

export const authRouter = router({
  register: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/register", tags, protect: false, summary: "Create an account and its first organisation" }, successStatus: 201 })
    .input(registerInput)
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => authService.register(ctx.db, ctx.config, input)),

  login: publicProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/auth/login",
        tags,
        protect: false,
        summary: "Exchange email and password for tokens",
        description:
          "After 5 failed logins for an account within 15 minutes, every attempt (even with the right password) is refused with 429 LOGIN_LOCKED and a Retry-After header until the 15 minutes are over.",
      },
    })
    .input(loginInput)
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => authService.login(ctx.db, ctx.config, input, sourceOf(ctx))),

  refresh: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/refresh", tags, protect: false, summary: "Rotate a refresh token" } })
    .input(refreshInput)
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => authService.rotateRefreshToken(ctx.db, ctx.config, input, sourceOf(ctx))),

  switchOrg: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/switch-org", tags, protect: false, summary: "Rotate a refresh token into another organisation" } })
    .input(switchOrgInput)
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => authService.rotateRefreshToken(ctx.db, ctx.config, input, sourceOf(ctx))),

  logout: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/logout", tags, protect: false, summary: "Revoke a refresh token and its session" } })
    .input(refreshInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(authService.logout(ctx.db, input))),

  forgotPassword: publicProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/auth/password/forgot",
        tags,
        protect: false,
        summary: "Email a password reset link",
        description:
          "Always 202 with the same body, whether or not an account has this email. For an account, a single-use link valid for 1 hour is emailed.",
      },
      successStatus: 202,
    })
    .input(forgotPasswordInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(passwordService.requestPasswordReset(ctx.db, input, sourceOf(ctx)))),

  resetPassword: publicProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/auth/password/reset",
        tags,
        protect: false,
        summary: "Set a new password with a reset token",
        description:
          "The token works once; a used, expired or unknown one is 400 INVALID_TOKEN. Signs the account out everywhere (every refresh token is revoked) and lifts a login lockout.",
      },
    })
    .input(resetPasswordInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(passwordService.resetPassword(ctx.db, input, sourceOf(ctx)))),

  changePassword: userProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/auth/password/change",
        tags,
        summary: "Change the signed-in user's password",
        description:
          "Needs the current password (a wrong one is 401 INVALID_CREDENTIALS). Signs out every other session: all refresh tokens of the user are revoked except the family of `refreshToken`, if given (send the one this client holds to stay signed in). The access token used for the call stays valid until it expires.",
      },
    })
    .input(changePasswordInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(passwordService.changePassword(ctx.db, ctx.actor, input))),

  acceptInvitation: publicProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/auth/accept-invitation",
        tags,
        protect: false,
        summary: "Accept an invitation and sign into its organisation",
        description:
          "Without an account for the invited email, one is created with `name` and `password`; with one, `password` must be that account's. The token is single-use; an expired, revoked or used one is 400 INVALID_TOKEN.",
      },
    })
    .input(acceptInvitationInput)
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => invitationService.acceptInvitation(ctx.db, ctx.config, input, sourceOf(ctx))),

  me: userProcedure
    .meta({ openapi: { method: "GET", path: "/auth/me", tags, summary: "The caller, the current organisation and all memberships" } })
    .input(z.void())
    .output(meSchema)
    .query(({ ctx }) => authService.me(ctx.db, ctx.actor)),
});
