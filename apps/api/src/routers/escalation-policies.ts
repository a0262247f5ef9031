import { escalationLevelSchema, escalationPolicySchema, escalationPolicyService, pageSchema } from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";
import { okSchema, pageInput } from "./shared.js";

const tags = ["escalation policies"];
const policyId = z.uuid();
const policyInput = {
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  repeat: z.number().int().min(1).max(10).default(1).describe("How many times the levels are run through"),
  levels: z.array(escalationLevelSchema).min(1).max(20),
};

export const escalationPoliciesRouter = router({
  list: procedureFor("escalation-policy:read")
    .meta({ openapi: { method: "GET", path: "/org/escalation-policies", tags, summary: "Escalation policies (admin)" } })
    .input(z.object(pageInput))
    .output(pageSchema(escalationPolicySchema))
    .query(({ ctx, input }) => escalationPolicyService.listEscalationPolicies(ctx.db, ctx.actor, input)),

  create: procedureFor("escalation-policy:manage")
    .meta({ openapi: { method: "POST", path: "/org/escalation-policies", tags, summary: "Create an escalation policy (admin)" }, successStatus: 201 })
    .input(z.object(policyInput))
    .output(escalationPolicySchema)
    .mutation(({ ctx, input }) => escalationPolicyService.createEscalationPolicy(ctx.db, ctx.actor, input)),

  get: procedureFor("escalation-policy:read")
    .meta({ openapi: { method: "GET", path: "/org/escalation-policies/{policyId}", tags, summary: "One escalation policy (admin)" } })
    .input(z.object({ policyId }))
    .output(escalationPolicySchema)
    .query(({ ctx, input }) => escalationPolicyService.getEscalationPolicy(ctx.db, ctx.actor, input.policyId)),

  replace: procedureFor("escalation-policy:manage")
    .meta({ openapi: { method: "PUT", path: "/org/escalation-policies/{policyId}", tags, summary: "Replace an escalation policy, levels included (admin)" } })
    .input(z.object({ policyId, ...policyInput }))
    .output(escalationPolicySchema)
    .mutation(({ ctx, input }) => escalationPolicyService.replaceEscalationPolicy(ctx.db, ctx.actor, input.policyId, input)),

  delete: procedureFor("escalation-policy:manage")
    .meta({ openapi: { method: "DELETE", path: "/org/escalation-policies/{policyId}", tags, summary: "Delete an escalation policy no service uses (admin)" } })
    .input(z.object({ policyId }))
    .output(okSchema)
    .mutation(async ({ ctx, input }) => {
      await escalationPolicyService.deleteEscalationPolicy(ctx.db, ctx.actor, input.policyId);
      return { ok: true as const };
    }),
});
