import {
  catalogService,
  createServiceInput,
  listMembersInput,
  listPeopleInput,
  memberInput,
  memberRemovalPreviewSchema,
  memberRemovedSchema,
  memberSchema,
  notificationPreferencesSchema,
  orgInput,
  orgService,
  orgWithRoleSchema,
  pageQuerySchema,
  pageSchema,
  personSchema,
  serviceIdInput,
  serviceSchema,
  updateMemberRoleInput,
  updateServiceInput,
} from "@incidentops/core";
import { z } from "zod";
import { procedureFor, router } from "../trpc.js";
import { serviceChangeEventsRouter } from "./change-events.js";
import { heartbeatsRouter } from "./heartbeats.js";
import { maintenanceWindowsRouter } from "./maintenance-windows.js";
import { apiKeysRouter } from "./api-keys.js";
import { escalationPoliciesRouter } from "./escalation-policies.js";
import { invitationsRouter } from "./invitations.js";
import { notificationTargetsRouter } from "./notification-targets.js";
import { orgSlaPolicyRouter, serviceSlaPolicyRouter } from "./sla-policies.js";
import { schedulesRouter } from "./schedules.js";
import { teamsRouter } from "./teams.js";

const tags = ["org"];

export const orgRouter = router({
  get: procedureFor("org:read")
    .meta({ openapi: { method: "GET", path: "/org", tags, summary: "The caller's current organisation" } })
    .input(z.void())
    .output(orgWithRoleSchema)
    .query(({ ctx }) => orgService.getCurrentOrg(ctx.db, ctx.actor)),

  update: procedureFor("org:update")
    .meta({ openapi: { method: "PATCH", path: "/org", tags, summary: "Rename the current organisation (admin)" } })
    .input(orgInput)
    .output(orgWithRoleSchema)
    .mutation(({ ctx, input }) => orgService.updateOrg(ctx.db, ctx.actor, input)),

  members: router({
    list: procedureFor("member:read")
      .meta({ openapi: { method: "GET", path: "/org/members", tags, summary: "Members and their roles (admin); of a team, with a role, or matching a text, if asked" } })
      .input(listMembersInput)
      .output(pageSchema(memberSchema))
      .query(({ ctx, input }) => orgService.listMembers(ctx.db, ctx.actor, input)),
    update: procedureFor("member:manage")
      .meta({
        openapi: {
          method: "PATCH",
          path: "/org/members/{userId}",
          tags,
          summary: "Change a member's role (admin)",
          description: "Applies from the member's next request. The last admin cannot be demoted (409 LAST_ADMIN).",
        },
      })
      .input(updateMemberRoleInput)
      .output(memberSchema)
      .mutation(({ ctx, input }) => orgService.updateMemberRole(ctx.db, ctx.actor, input)),
    remove: procedureFor("member:manage")
      .meta({
        openapi: {
          method: "DELETE",
          path: "/org/members/{userId}",
          tags,
          summary: "Remove a member (admin)",
          description:
            "Their access is refused from the next request and their refresh tokens for this org are revoked at once. " +
            "They are taken out of every escalation level, rotation, team and open incident that names them, and their overrides are deleted: " +
            "the answer lists what changed, and each change is audited on what it changed. " +
            "Refused when it would leave an escalation level or a rotation paging no one, directly or through a team only they are in (409 SOLE_RESPONDER, naming them), " +
            "and for the last admin (409 LAST_ADMIN). GET .../removal shows beforehand what it would do.",
        },
      })
      .input(memberInput)
      .output(memberRemovedSchema)
      .mutation(({ ctx, input }) => orgService.removeMember(ctx.db, ctx.actor, input)),
    notificationPreferences: procedureFor("member:read")
      .meta({
        openapi: {
          method: "GET",
          path: "/org/members/{userId}/notification-preferences",
          tags,
          summary: "Which event kinds a member is notified about (admin, read only)",
          description: "What they chose at PUT /users/me/notification-preferences: why a level that names them did or did not page them. Only they change it: it applies in every org they belong to.",
        },
      })
      .input(memberInput)
      .output(notificationPreferencesSchema)
      .query(({ ctx, input }) => orgService.getMemberNotificationPreferences(ctx.db, ctx.actor, input)),
    removal: procedureFor("member:manage")
      .meta({
        openapi: {
          method: "GET",
          path: "/org/members/{userId}/removal",
          tags,
          summary: "What removing a member would change (admin)",
          description:
            "The escalation policies, schedules, teams and open incidents that stop naming them, and the levels and rotations " +
            "that page only them (blockers: while any remains, the removal is refused with 409 SOLE_RESPONDER).",
        },
      })
      .input(memberInput)
      .output(memberRemovalPreviewSchema)
      .query(({ ctx, input }) => orgService.previewMemberRemoval(ctx.db, ctx.actor, input)),
  }),

  people: router({
    list: procedureFor("person:read")
      .meta({
        openapi: {
          method: "GET",
          path: "/org/people",
          tags,
          summary: "The members as people: id, name and email, in the order they joined",
          description: "For choosing an assignee or an owner (viewer+); roles are GET /org/members (admin).",
        },
      })
      .input(listPeopleInput)
      .output(pageSchema(personSchema))
      .query(({ ctx, input }) => orgService.listPeople(ctx.db, ctx.actor, input)),
  }),

  invitations: invitationsRouter,

  services: router({
    list: procedureFor("service:read")
      .meta({ openapi: { method: "GET", path: "/org/services", tags, summary: "Services, newest first" } })
      .input(pageQuerySchema)
      .output(pageSchema(serviceSchema))
      .query(({ ctx, input }) => catalogService.listServices(ctx.db, ctx.actor, input)),
    create: procedureFor("service:create")
      .meta({ openapi: { method: "POST", path: "/org/services", tags, summary: "Create a service (member)" }, successStatus: 201 })
      .input(createServiceInput)
      .output(serviceSchema)
      .mutation(({ ctx, input }) => catalogService.createService(ctx.db, ctx.actor, input)),
    get: procedureFor("service:read")
      .meta({ openapi: { method: "GET", path: "/org/services/{serviceId}", tags, summary: "One service" } })
      .input(serviceIdInput)
      .output(serviceSchema)
      .query(({ ctx, input }) => catalogService.getService(ctx.db, ctx.actor, input)),
    update: procedureFor("service:update")
      .meta({ openapi: { method: "PATCH", path: "/org/services/{serviceId}", tags, summary: "Change a service's settings, e.g. its escalation policy (admin)" } })
      .input(updateServiceInput)
      .output(serviceSchema)
      .mutation(({ ctx, input }) => catalogService.updateService(ctx.db, ctx.actor, input)),
    slaPolicy: serviceSlaPolicyRouter,
    changeEvents: serviceChangeEventsRouter,
    maintenanceWindows: maintenanceWindowsRouter,
    heartbeats: heartbeatsRouter,
  }),

  slaPolicy: orgSlaPolicyRouter,

  notificationTargets: notificationTargetsRouter,
  escalationPolicies: escalationPoliciesRouter,
  apiKeys: apiKeysRouter,
  teams: teamsRouter,
  schedules: schedulesRouter,
});
