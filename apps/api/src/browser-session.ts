import {
  acceptInvitationInput,
  AppError,
  browserChangePasswordInput,
  browserSwitchOrgInput,
  loginInput,
  registerInput,
  tokenResponseSchema,
  type Config,
  type TokenResponse,
} from "@incidentops/core";
import { parseCookie } from "cookie";
import express, { type CookieOptions, type Request, type Response, type Router } from "express";
import type { Context } from "./context.js";
import { sendError, toErrorResponse } from "./errors.js";
import { jsonBodyParser } from "./input-guard.js";
import { jsonBodyRefusal } from "./rest.js";
import { appRouter } from "./router.js";
import { createCallerFactory } from "./trpc.js";

// The web app's sessions. The browser never holds the refresh token in JavaScript: these routes
// keep it in an httpOnly, SameSite=Strict cookie (Secure in production) whose Path is this router's,
// so the browser sends it nowhere else, and answer with the access token only (kept in memory).
// Each route calls the same procedure as its bearer counterpart (/v1/auth/login, /refresh, ...),
// which stay as they are for the SDK and other clients.

/** Where the session routes live; the refresh cookie's Path. */
export const SESSION_PATH = "/v1/auth/session";
export const REFRESH_COOKIE = "incidentops_refresh";
/** The header every session call must carry: a cross-site form or script cannot send it without CORS, which the API never grants. */
export const CSRF_HEADER = "x-incidentops-csrf";
/** What a route that signs in, renews or switches answers: its procedure's token response, the refresh token kept in the cookie. */
export const browserSessionSchema = tokenResponseSchema.omit({ refreshToken: true });

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

const forbidden = (message: string) => new AppError("FORBIDDEN", message);

/** The app's own origin: the request's (Host, and X-Forwarded-* behind a trusted proxy) or PUBLIC_URL's. */
function isAppOrigin(req: Request, config: Pick<Config, "publicUrl">, origin: string): boolean {
  if (origin === `${req.protocol}://${req.get("host") ?? ""}`) return true;
  return config.publicUrl !== undefined && origin === new URL(config.publicUrl).origin;
}

/**
 * CSRF protection, beyond SameSite: the custom header (which only same-origin scripts can send),
 * and, where the browser says where the call comes from (Origin, Sec-Fetch-Site), that it is the app.
 */
export function assertFromTheApp(req: Request, config: Pick<Config, "publicUrl">): void {
  if (req.get(CSRF_HEADER) !== "1") throw forbidden(`Cookie sessions are for the web app: send the ${CSRF_HEADER}: 1 header`);
  const site = req.get("sec-fetch-site");
  if (site !== undefined && site !== "same-origin") throw forbidden("Cookie sessions refuse calls from another site");
  const origin = req.get("origin");
  if (origin !== undefined && !isAppOrigin(req, config, origin)) throw forbidden("Cookie sessions refuse calls from another origin");
}

/**
 * The refresh cookie: Secure whenever the app is served over https (in production, when
 * PUBLIC_URL is https, or when the request came over https, a trusted proxy's X-Forwarded-Proto
 * included); not otherwise, where the app runs on http://localhost.
 */
const cookieOptions = (config: Config, req: Request): CookieOptions => ({
  httpOnly: true,
  sameSite: "strict",
  secure: config.nodeEnv === "production" || config.publicUrl?.startsWith("https:") === true || req.secure,
  path: SESSION_PATH,
});

const refreshTokenOf = (req: Request): string | undefined => parseCookie(req.headers.cookie ?? "")[REFRESH_COOKIE];

function requireRefreshToken(req: Request): string {
  const token = refreshTokenOf(req);
  if (token === undefined || token === "") throw new AppError("UNAUTHORIZED", "No session: sign in");
  return token;
}

/** What a session route does: a procedure call, given the JSON body (or `{}`) and the request (for its cookie). */
type SessionCall = (caller: Caller, body: unknown, req: Request) => Promise<TokenResponse | { ok: true }>;

// A body that does not fit is refused (400 VALIDATION_FAILED with the fields) by the parse, before any call.
const SESSION_ROUTES: { path: string; procedure: string; status?: number; call: SessionCall }[] = [
  { path: "/login", procedure: "auth.login", call: (caller, body) => caller.auth.login(loginInput.parse(body)) },
  { path: "/register", procedure: "auth.register", status: 201, call: (caller, body) => caller.auth.register(registerInput.parse(body)) },
  {
    path: "/accept-invitation",
    procedure: "auth.acceptInvitation",
    call: (caller, body) => caller.auth.acceptInvitation(acceptInvitationInput.parse(body)),
  },
  { path: "/refresh", procedure: "auth.refresh", call: (caller, _body, req) => caller.auth.refresh({ refreshToken: requireRefreshToken(req) }) },
  {
    path: "/switch-org",
    procedure: "auth.switchOrg",
    call: (caller, body, req) => caller.auth.switchOrg({ ...browserSwitchOrgInput.parse(body), refreshToken: requireRefreshToken(req) }),
  },
  {
    path: "/password",
    procedure: "auth.changePassword",
    call: (caller, body, req) => caller.auth.changePassword({ ...browserChangePasswordInput.parse(body), refreshToken: requireRefreshToken(req) }),
  },
];

/** The web app's cookie sessions under {@link SESSION_PATH}; see the comment at the top. */
export function browserSessionRouter(deps: { config: Config; createContext: (opts: { req: Request }) => Context; maxBodyBytes: number }): Router {
  const { config } = deps;
  const router = express.Router();
  router.use(jsonBodyParser({ limit: deps.maxBodyBytes }));

  const answer = (req: Request, res: Response, status: number, result: TokenResponse | { ok: true }) => {
    if ("refreshToken" in result) {
      const { refreshToken, ...session } = result;
      res.cookie(REFRESH_COOKIE, refreshToken, { ...cookieOptions(config, req), maxAge: config.refreshTokenTtlSeconds * 1000 });
      res.status(status).json(session);
    } else res.status(status).json(result);
  };

  for (const route of SESSION_ROUTES) {
    router.post(route.path, async (req, res) => {
      try {
        assertFromTheApp(req, config);
        const refusal = jsonBodyRefusal(req);
        if (refusal !== undefined) throw refusal;
        const body: unknown = req.body ?? {};
        const result = await route.call(createCaller(deps.createContext({ req })), body, req);
        answer(req, res, route.status ?? 200, result);
      } catch (error) {
        // A refused session is over: the browser may drop its cookie.
        if (route.path === "/refresh" && toErrorResponse(error, "").status === 401) res.clearCookie(REFRESH_COOKIE, cookieOptions(config, req));
        sendError(req, res, error, { procedure: route.procedure });
      }
    });
  }

  router.post("/logout", async (req, res) => {
    try {
      assertFromTheApp(req, config);
      const refreshToken = refreshTokenOf(req);
      if (refreshToken !== undefined && refreshToken !== "") await createCaller(deps.createContext({ req })).auth.logout({ refreshToken });
      res.clearCookie(REFRESH_COOKIE, cookieOptions(config, req));
      res.json({ ok: true });
    } catch (error) {
      sendError(req, res, error, { procedure: "auth.logout" });
    }
  });
  return router;
}
