import { calendarFeedService, type Config } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import { Router, type Request, type Response } from "express";
import { sendError } from "./errors.js";

export const CALENDAR_PATH = "/calendar/:token.ics";

/**
 * `GET /calendar/{token}.ics`: a calendar feed behind its secret URL, for calendar apps (which
 * send no credentials: the token is the credential). Outside /v1, like alert ingestion.
 */
export function calendarRouter(deps: { db: Db; config: Config }): Router {
  const router = Router();
  router.get(CALENDAR_PATH, async (req: Request<{ token: string }>, res: Response) => {
    try {
      const body = await calendarFeedService.renderFeed(deps.db, deps.config, req.params.token, new Date());
      res
        .status(200)
        .set({ "content-type": "text/calendar; charset=utf-8", "cache-control": "private, max-age=300", "x-robots-tag": "noindex" })
        .send(body);
    } catch (error) {
      sendError(req, res, error);
    }
  });
  return router;
}
