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
import { router, teamProcedureFor } from "../trpc.js";
import { ok } from "./shared.js";

const tags = ["escalation policies"];

export const escalationPoliciesRouter = router({
  list: teamProcedureFor("escalation-policy:read")
    .meta({ openapi: { method: "GET", path: "/org/escalation-policies", tags, summary: "Escalation policies (admin or team manager)" } })
    .input(pageQuerySchema)
    .output(pageSchema(escalationPolicySchema))
    .query(({ ctx, input }) => escalationPolicyService.listEscalationPolicies(ctx.db, ctx.actor, input)),

  create: teamProcedureFor("escalation-policy:manage")
    .meta({ openapi: { method: "POST", path: "/org/escalation-policies", tags, summary: "Create an escalation policy (admin or team manager)" }, successStatus: 201 })
    .input(createEscalationPolicyInput)
    .output(escalationPolicySchema)
    .mutation(({ ctx, input }) => escalationPolicyService.createEscalationPolicy(ctx.db, ctx.actor, input)),

  get: teamProcedureFor("escalation-policy:read")
    .meta({ openapi: { method: "GET", path: "/org/escalation-policies/{policyId}", tags, summary: "One escalation policy (admin or team manager)" } })
    .input(policyIdInput)
    .output(escalationPolicySchema)
    .query(({ ctx, input }) => escalationPolicyService.getEscalationPolicy(ctx.db, ctx.actor, input)),

  replace: teamProcedureFor("escalation-policy:manage")
    .meta({ openapi: { method: "PUT", path: "/org/escalation-policies/{policyId}", tags, summary: "Replace an escalation policy, levels included (admin or team manager)" } })
    .input(replaceEscalationPolicyInput)
    .output(escalationPolicySchema)
    .mutation(({ ctx, input }) => escalationPolicyService.replaceEscalationPolicy(ctx.db, ctx.actor, input)),

  delete: teamProcedureFor("escalation-policy:manage")
    .meta({ openapi: { method: "DELETE", path: "/org/escalation-policies/{policyId}", tags, summary: "Delete an escalation policy no service uses (admin or team manager)" } })
    .input(policyIdInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(escalationPolicyService.deleteEscalationPolicy(ctx.db, ctx.actor, input))),
});
