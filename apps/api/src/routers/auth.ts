import { authService, orgWithRoleSchema, userSchema } from "@incidentops/core";
import { z } from "zod";
import { okSchema } from "./shared.js";
import { publicProcedure, router, userProcedure } from "../trpc.js";

const email = z.email().max(254);
const password = z.string().min(8, "must be at least 8 characters").max(256);

const tokenResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().describe("access token lifetime in seconds"),
  user: userSchema,
  org: orgWithRoleSchema,
});

const refreshInput = z.object({ refreshToken: z.string().min(1).max(512) });

const tags = ["auth"];

export const authRouter = router({
  register: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/register", tags, protect: false, summary: "Create an account and its first organisation" }, successStatus: 201 })
    .input(
      z.object({
        email,
        password,
        name: z.string().trim().min(1).max(200),
        orgName: z.string().trim().min(1).max(200),
      }),
    )
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => authService.register(ctx.db, ctx.config, input)),

  login: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/login", tags, protect: false, summary: "Exchange email and password for tokens" } })
    .input(z.object({ email, password: z.string().min(1).max(256), orgId: z.uuid().optional() }))
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => authService.login(ctx.db, ctx.config, input)),

  refresh: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/refresh", tags, protect: false, summary: "Rotate a refresh token" } })
    .input(refreshInput)
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => authService.rotateRefreshToken(ctx.db, ctx.config, input)),

  switchOrg: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/switch-org", tags, protect: false, summary: "Rotate a refresh token into another organisation" } })
    .input(refreshInput.extend({ orgId: z.uuid() }))
    .output(tokenResponseSchema)
    .mutation(({ ctx, input }) => authService.rotateRefreshToken(ctx.db, ctx.config, input)),

  logout: publicProcedure
    .meta({ openapi: { method: "POST", path: "/auth/logout", tags, protect: false, summary: "Revoke a refresh token and its session" } })
    .input(refreshInput)
    .output(okSchema)
    .mutation(async ({ ctx, input }) => {
      await authService.logout(ctx.db, input);
      return { ok: true as const };
    }),

  me: userProcedure
    .meta({ openapi: { method: "GET", path: "/auth/me", tags, summary: "The caller, the current organisation and all memberships" } })
    .input(z.void())
    .output(z.object({ user: userSchema, org: orgWithRoleSchema, memberships: z.array(orgWithRoleSchema) }))
    .query(({ ctx }) => authService.me(ctx.db, ctx.actor)),
});
