import { getUsage, usageSchema } from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";

const tags = ["usage"];

export const usageRouter = router({
  get: procedureFor("usage:read")
    .meta({
      openapi: { method: "GET", path: "/usage", tags, summary: "Write calls per UTC day over the last 30 days, and the daily quota (admin)" },
    })
    .input(z.void())
    .output(usageSchema)
    .query(({ ctx }) => getUsage(ctx.db, ctx.actor, ctx.config.orgDailyWriteQuota)),
});
