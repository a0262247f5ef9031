import {
  createOverrideInput,
  createScheduleInput,
  listOverridesInput,
  listSchedulesInput,
  okSchema,
  overrideIdInput,
  overrideSchema,
  pageSchema,
  renderedScheduleSchema,
  scheduleIdInput,
  scheduleSchema,
  scheduleService,
  scheduleShiftsInput,
  updateScheduleInput,
} from "@incidentops/core";
import { procedureFor, router, teamProcedureFor } from "../trpc.js";
import { ok } from "./shared.js";

const tags = ["schedules"];

export const schedulesRouter = router({
  list: procedureFor("schedule:read")
    .meta({ openapi: { method: "GET", path: "/org/schedules", tags, summary: "On-call schedules, newest first, with their layers" } })
    .input(listSchedulesInput)
    .output(pageSchema(scheduleSchema))
    .query(({ ctx, input }) => scheduleService.listSchedules(ctx.db, ctx.actor, input)),

  create: teamProcedureFor("schedule:manage")
    .meta({
      openapi: {
        method: "POST",
        path: "/org/schedules",
        tags,
        summary: "Create a schedule (admin, or a manager of its team)",
        description:
          "Each layer rotates its participants in turns of rotation.length x rotation.unit from rotationStart, counted on the wall clock of the schedule's time zone (a daily 09:00 handoff stays at 09:00 across daylight-saving changes), inside its restrictions. A later layer wins wherever it has someone; overrides win over layers.",
      },
      successStatus: 201,
    })
    .input(createScheduleInput)
    .output(scheduleSchema)
    .mutation(({ ctx, input }) => scheduleService.createSchedule(ctx.db, ctx.actor, input)),

  get: procedureFor("schedule:read")
    .meta({ openapi: { method: "GET", path: "/org/schedules/{scheduleId}", tags, summary: "One schedule with its layers" } })
    .input(scheduleIdInput)
    .output(scheduleSchema)
    .query(({ ctx, input }) => scheduleService.getSchedule(ctx.db, ctx.actor, input)),

  update: teamProcedureFor("schedule:manage")
    .meta({
      openapi: {
        method: "PATCH",
        path: "/org/schedules/{scheduleId}",
        tags,
        summary: "Change a schedule (admin, or a manager of its team)",
        description: "Only the fields given change; `layers` replaces every layer (a layer given with its `id` keeps it).",
      },
    })
    .input(updateScheduleInput)
    .output(scheduleSchema)
    .mutation(({ ctx, input }) => scheduleService.updateSchedule(ctx.db, ctx.actor, input)),

  delete: teamProcedureFor("schedule:manage")
    .meta({ openapi: { method: "DELETE", path: "/org/schedules/{scheduleId}", tags, summary: "Delete a schedule with its layers and overrides (admin, or a manager of its team)" } })
    .input(scheduleIdInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(scheduleService.deleteSchedule(ctx.db, ctx.actor, input))),

  shifts: procedureFor("schedule:read")
    .meta({
      openapi: {
        method: "GET",
        path: "/org/schedules/{scheduleId}/shifts",
        tags,
        summary: "The final schedule over a range of at most 93 days: who is on call when, the gaps and the coverage",
      },
    })
    .input(scheduleShiftsInput)
    .output(renderedScheduleSchema)
    .query(({ ctx, input }) => scheduleService.getShifts(ctx.db, ctx.actor, input)),

  overrides: router({
    list: procedureFor("schedule:read")
      .meta({ openapi: { method: "GET", path: "/org/schedules/{scheduleId}/overrides", tags, summary: "The schedule's overrides in a window (default: from now), by start" } })
      .input(listOverridesInput)
      .output(pageSchema(overrideSchema))
      .query(({ ctx, input }) => scheduleService.listOverrides(ctx.db, ctx.actor, input, new Date())),
    create: procedureFor("schedule-override:self-service")
      .meta({
        openapi: {
          method: "POST",
          path: "/org/schedules/{scheduleId}/overrides",
          tags,
          summary: "Put someone on call instead for a while (member: taking a shift, or giving away your own)",
          description:
            "Admins and the managers of the schedule's team may create any override. A member may create one that names them (taking a shift) or one over a window where they are on call throughout (giving it away). The newest of overlapping overrides wins.",
        },
        successStatus: 201,
      })
      .input(createOverrideInput)
      .output(overrideSchema)
      .mutation(({ ctx, input }) => scheduleService.createOverride(ctx.db, ctx.actor, input, new Date())),
    delete: procedureFor("schedule-override:self-service")
      .meta({
        openapi: {
          method: "DELETE",
          path: "/org/schedules/{scheduleId}/overrides/{overrideId}",
          tags,
          summary: "Delete an override (a past one stays; one under way ends now)",
          description: "Admins and the team's managers may delete any override; a member those naming them or that they made. A past override is part of the schedule's history: 409 CONFLICT.",
        },
      })
      .input(overrideIdInput)
      .output(okSchema)
      .mutation(({ ctx, input }) => ok(scheduleService.deleteOverride(ctx.db, ctx.actor, input, new Date()))),
  }),
});
