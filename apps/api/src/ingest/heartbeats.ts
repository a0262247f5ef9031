import { AppError, heartbeatService, type Config } from "@incidentops/core";
import type { Db } from "@incidentops/db";
import { Router, type Request, type Response } from "express";
import { sendIngestionError } from "../errors.js";
import { assertAcceptableInput } from "../input-guard.js";

export const HEARTBEAT_PING_PATH = "/v1/heartbeats/:token";

/**
 * `POST` or `GET /v1/heartbeats/{token}`: a heartbeat's ping (GoAlert accepts both, so cron jobs
 * can use `curl` either way). The token in the path is the credential; any body is ignored.
 * `HEAD`, which uptime checkers and link previews send, is refused: it must not count as the job
 * checking in (express would answer it with the GET's handler).
 */
export function heartbeatPingRouter(deps: { db: Db; config: Pick<Config, "ingestRateLimitPerMinute"> }): Router {
  const handle = async (req: Request<{ token: string }>, res: Response) => {
    try {
      assertAcceptableInput({ token: req.params.token });
      const body = await heartbeatService.ping(deps.db, { token: req.params.token, requestId: req.id, log: req.log, limitPerMinute: deps.config.ingestRateLimitPerMinute });
      res.status(200).json(body);
    } catch (error) {
      sendIngestionError(req, res, error, { route: "heartbeat" });
    }
  };
  const refuseHead = (req: Request, res: Response) => {
    res.set("allow", "GET, POST");
    sendIngestionError(req, res, new AppError("METHOD_NOT_ALLOWED", "A heartbeat is pinged with POST or GET: HEAD does not count as a ping"), { route: "heartbeat" });
  };
  const router = Router();
  router.head(HEARTBEAT_PING_PATH, refuseHead);
  router.post(HEARTBEAT_PING_PATH, handle);
  router.get(HEARTBEAT_PING_PATH, handle);
  return router;
}
