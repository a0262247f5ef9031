import { auditLogEntrySchema, listAuditLog, listAuditLogInput, pageSchema } from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";

const tags = ["audit log"];

export const auditLogsRouter = router({
  list: procedureFor("audit:read")
    .meta({
      openapi: { method: "GET", path: "/audit-logs", tags, summary: "Security-relevant changes in the organisation, newest first (admin)" },
    })
    .input(listAuditLogInput)
    .output(pageSchema(auditLogEntrySchema))
    .query(({ ctx, input }) => listAuditLog(ctx.db, ctx.actor, input)),
});
