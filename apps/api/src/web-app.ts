import { join } from "node:path";
import { AppError } from "@incidentops/core";
import express, { type NextFunction, type Request, type Response, type Router } from "express";

/** Paths that keep their own meaning: never answered with the app (an unknown one is a JSON 404). */
export const API_PATH_PREFIXES = ["/v1", "/v2", "/trpc", "/docs", "/openapi.json", "/healthz", "/readyz", "/calendar", "/metrics"];

const isApiPath = (path: string) => API_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** A path whose last segment has an extension (`/favicon.ico`, `/robots.txt`) asks for a file: no app route looks like one. */
const namesAFile = (path: string) => /\.[^./]+$/.test(path);

/**
 * The policy of every response of the app: scripts and styles only from this origin (the build
 * has no inline script; inline styles are what the component library sets), no plugins, no
 * framing, and calls (fetch, server-sent events) to this origin only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

function appHeaders(_req: Request, res: Response, next: NextFunction): void {
  res.set({
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    // Reset and invitation links carry their token in the URL: it must not leak as a referrer.
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
  });
  next();
}

/**
 * The built web app (`distDir`: index.html and assets/) at `/`: hashed assets cached for good,
 * a file the build has not (under /assets, or a path with an extension) a 404, and every other
 * GET that is not an API path answered with index.html (the app routes it). While the build has
 * no index.html, nothing is answered here (an unknown path stays a 404).
 */
export function webAppRouter(distDir: string): Router {
  const router = express.Router();
  const indexFile = join(distDir, "index.html");
  router.use((req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || isApiPath(req.path)) {
      next("router");
      return;
    }
    appHeaders(req, res, next);
  });
  // Vite names built assets by their content hash: they never change.
  router.use("/assets", express.static(join(distDir, "assets"), { immutable: true, maxAge: "1y", index: false }), (req) => {
    throw new AppError("NOT_FOUND", `No asset ${req.originalUrl}: the app was rebuilt, reload the page`);
  });
  router.use(express.static(distDir, { index: false, maxAge: "1h" }), (req, _res, next) => {
    if (namesAFile(req.path)) throw new AppError("NOT_FOUND", `No file ${req.path}`);
    next();
  });
  router.use((_req, res, next) => {
    res.set("cache-control", "no-cache");
    res.sendFile(indexFile, (error) => {
      if (error !== undefined && !res.headersSent) next("router");
    });
  });
  return router;
}
