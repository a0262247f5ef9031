import {
  createTeamInput,
  listTeamsInput,
  okSchema,
  pageSchema,
  setTeamMemberInput,
  teamIdInput,
  teamMemberInput,
  teamMemberSchema,
  teamMembersSchema,
  teamSchema,
  teamService,
  updateTeamInput,
} from "@incidentops/core";
import { procedureFor, router, teamProcedureFor } from "../trpc.js";
import { ok } from "./shared.js";

const tags = ["teams"];

export const teamsRouter = router({
  list: procedureFor("team:read")
    .meta({ openapi: { method: "GET", path: "/org/teams", tags, summary: "Teams, newest first" } })
    .input(listTeamsInput)
    .output(pageSchema(teamSchema))
    .query(({ ctx, input }) => teamService.listTeams(ctx.db, ctx.actor, input)),

  create: procedureFor("team:manage")
    .meta({ openapi: { method: "POST", path: "/org/teams", tags, summary: "Create a team (admin)" }, successStatus: 201 })
    .input(createTeamInput)
    .output(teamSchema)
    .mutation(({ ctx, input }) => teamService.createTeam(ctx.db, ctx.actor, input)),

  get: procedureFor("team:read")
    .meta({ openapi: { method: "GET", path: "/org/teams/{teamId}", tags, summary: "One team" } })
    .input(teamIdInput)
    .output(teamSchema)
    .query(({ ctx, input }) => teamService.getTeam(ctx.db, ctx.actor, input)),

  update: procedureFor("team:manage")
    .meta({ openapi: { method: "PATCH", path: "/org/teams/{teamId}", tags, summary: "Rename a team or change its description (admin)" } })
    .input(updateTeamInput)
    .output(teamSchema)
    .mutation(({ ctx, input }) => teamService.updateTeam(ctx.db, ctx.actor, input)),

  delete: procedureFor("team:manage")
    .meta({
      openapi: {
        method: "DELETE",
        path: "/org/teams/{teamId}",
        tags,
        summary: "Delete a team (admin)",
        description: "Its services, escalation policies and schedules stay, owned by no team.",
      },
    })
    .input(teamIdInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(teamService.deleteTeam(ctx.db, ctx.actor, input))),

  members: router({
    list: procedureFor("team:read")
      .meta({ openapi: { method: "GET", path: "/org/teams/{teamId}/members", tags, summary: "The team's people and their roles, managers first" } })
      .input(teamIdInput)
      .output(teamMembersSchema)
      .query(({ ctx, input }) => teamService.listMembers(ctx.db, ctx.actor, input)),
    set: teamProcedureFor("team-member:manage")
      .meta({
        openapi: {
          method: "PUT",
          path: "/org/teams/{teamId}/members/{userId}",
          tags,
          summary: "Add a member of the organisation to the team, or change their role there (admin or team manager)",
        },
      })
      .input(setTeamMemberInput)
      .output(teamMemberSchema)
      .mutation(({ ctx, input }) => teamService.setMember(ctx.db, ctx.actor, input)),
    remove: teamProcedureFor("team-member:manage")
      .meta({ openapi: { method: "DELETE", path: "/org/teams/{teamId}/members/{userId}", tags, summary: "Take someone off the team (admin or team manager)" } })
      .input(teamMemberInput)
      .output(okSchema)
      .mutation(({ ctx, input }) => ok(teamService.removeMember(ctx.db, ctx.actor, input))),
  }),
});
