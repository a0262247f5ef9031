import { auditLogEntrySchema, listAuditLog, pageSchema } from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";
import { pageInput } from "./shared.js";

const tags = ["audit log"];

export const auditLogsRouter = router({
  list: procedureFor("audit:read")
    .meta({
      openapi: { method: "GET", path: "/audit-logs", tags, summary: "Security-relevant changes in the organisation, newest first (admin)" },
    })
    .input(
      z.object({
        action: z.string().trim().min(1).max(100).optional().describe("Only this action, e.g. notification_target.created"),
        actorId: z.uuid().optional().describe("Only what this user or API key did"),
        ...pageInput,
      }),
    )
    .output(pageSchema(auditLogEntrySchema))
    .query(({ ctx, input }) => listAuditLog(ctx.db, ctx.actor, input)),
});
