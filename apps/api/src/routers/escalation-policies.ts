import {
  createEscalationPolicyInput,
  escalationPolicySchema,
  escalationPolicyService,
  okSchema,
  pageQuerySchema,
  pageSchema,
  policyIdInput,
  replaceEscalationPolicyInput,
} from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";
import { ok } from "./shared.js";

const tags = ["escalation policies"];

export const escalationPoliciesRouter = router({
  list: procedureFor("escalation-policy:read")
    .meta({ openapi: { method: "GET", path: "/org/escalation-policies", tags, summary: "Escalation policies (admin)" } })
    .input(pageQuerySchema)
    .output(pageSchema(escalationPolicySchema))
    .query(({ ctx, input }) => escalationPolicyService.listEscalationPolicies(ctx.db, ctx.actor, input)),

  create: procedureFor("escalation-policy:manage")
    .meta({ openapi: { method: "POST", path: "/org/escalation-policies", tags, summary: "Create an escalation policy (admin)" }, successStatus: 201 })
    .input(createEscalationPolicyInput)
    .output(escalationPolicySchema)
    .mutation(({ ctx, input }) => escalationPolicyService.createEscalationPolicy(ctx.db, ctx.actor, input)),

  get: procedureFor("escalation-policy:read")
    .meta({ openapi: { method: "GET", path: "/org/escalation-policies/{policyId}", tags, summary: "One escalation policy (admin)" } })
    .input(policyIdInput)
    .output(escalationPolicySchema)
    .query(({ ctx, input }) => escalationPolicyService.getEscalationPolicy(ctx.db, ctx.actor, input)),

  replace: procedureFor("escalation-policy:manage")
    .meta({ openapi: { method: "PUT", path: "/org/escalation-policies/{policyId}", tags, summary: "Replace an escalation policy, levels included (admin)" } })
    .input(replaceEscalationPolicyInput)
    .output(escalationPolicySchema)
    .mutation(({ ctx, input }) => escalationPolicyService.replaceEscalationPolicy(ctx.db, ctx.actor, input)),

  delete: procedureFor("escalation-policy:manage")
    .meta({ openapi: { method: "DELETE", path: "/org/escalation-policies/{policyId}", tags, summary: "Delete an escalation policy no service uses (admin)" } })
    .input(policyIdInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(escalationPolicyService.deleteEscalationPolicy(ctx.db, ctx.actor, input))),
});
