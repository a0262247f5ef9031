import { readMigrations, sql, type Db } from "@incidentops/db";
import { Router } from "express";
import { z } from "zod";

export const healthSchema = z.object({ status: z.literal("ok") });

export const readySchema = z.object({ status: z.literal("ok"), database: z.literal("ok"), migrations: z.literal("current") });

export const notReadySchema = z.object({
  status: z.literal("unavailable"),
  database: z.enum(["ok", "unreachable"]).optional(),
  shuttingDown: z.literal(true).optional().describe("This replica is shutting down: send traffic to another"),
  migrations: z.object({ pending: z.array(z.string()).describe("Migration versions not applied yet") }).optional(),
});

type NotReady = z.infer<typeof notReadySchema>;

/**
 * `/healthz` (the process answers) and `/readyz` (the database answers, its migrations are
 * current and the process is not shutting down: 503 otherwise, so a load balancer sends this
 * replica no traffic).
 */
export async function healthRouter(deps: { db: Db; lifecycle?: { draining: boolean } | undefined }): Promise<Router> {
  const expectedMigrations = (await readMigrations()).map((m) => m.version);
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" } satisfies z.infer<typeof healthSchema>);
  });
  router.get("/readyz", async (req, res) => {
    if (deps.lifecycle?.draining === true) {
      res.status(503).json({ status: "unavailable", shuttingDown: true } satisfies NotReady);
      return;
    }
    try {
      const { rows } = await sql<{ version: string }>`SELECT version FROM schema_migrations`.execute(deps.db);
      const applied = new Set(rows.map((r) => r.version));
      const pending = expectedMigrations.filter((v) => !applied.has(v));
      if (pending.length > 0) {
        res.status(503).json({ status: "unavailable", database: "ok", migrations: { pending } } satisfies NotReady);
        return;
      }
      res.json({ status: "ok", database: "ok", migrations: "current" } satisfies z.infer<typeof readySchema>);
    } catch (error) {
      req.log.warn({ err: error }, "readiness check failed");
      res.status(503).json({ status: "unavailable", database: "unreachable" } satisfies NotReady);
    }
  });
  return router;
}
