import {
  attachmentIdInput,
  attachmentSchema,
  attachmentService,
  createTaskInput,
  incidentIdInput,
  listAttachmentsInput,
  listStatusUpdatesInput,
  listTasksInput,
  okSchema,
  pageSchema,
  postmortemMarkdownSchema,
  postmortemSchema,
  postmortemService,
  postStatusUpdateInput,
  putPostmortemInput,
  statusUpdateSchema,
  statusUpdateService,
  taskSchema,
  taskService,
  updateTaskInput,
} from "@incidentops/core";
import { procedureFor, router } from "../trpc.js";
import { ok } from "./shared.js";

// The work around an incident: tasks, stakeholder status updates, the postmortem, attachments
// (uploads and downloads are plain HTTP routes: see ../attachments.ts).

const tags = ["incident work"];

export const tasksRouter = router({
  list: procedureFor("incident:read")
    .meta({ openapi: { method: "GET", path: "/incidents/{incidentId}/tasks", tags, summary: "The incident's tasks, oldest first" } })
    .input(listTasksInput)
    .output(pageSchema(taskSchema))
    .query(({ ctx, input }) => taskService.listTasks(ctx.db, ctx.actor, input)),
  create: procedureFor("task:manage")
    .meta({ openapi: { method: "POST", path: "/incidents/{incidentId}/tasks", tags, summary: "Add a task, for a member or anyone (member)" }, successStatus: 201 })
    .input(createTaskInput)
    .output(taskSchema)
    .mutation(({ ctx, input }) => taskService.createTask(ctx.db, ctx.actor, input)),
  update: procedureFor("task:manage")
    .meta({ openapi: { method: "PATCH", path: "/incidents/{incidentId}/tasks/{taskId}", tags, summary: "Rename, (re)assign, or mark a task done or open (member)" } })
    .input(updateTaskInput)
    .output(taskSchema)
    .mutation(({ ctx, input }) => taskService.updateTask(ctx.db, ctx.actor, input)),
});

export const statusUpdatesRouter = router({
  list: procedureFor("incident:read")
    .meta({ openapi: { method: "GET", path: "/incidents/{incidentId}/status-updates", tags, summary: "The incident's stakeholder status updates, newest first" } })
    .input(listStatusUpdatesInput)
    .output(pageSchema(statusUpdateSchema))
    .query(({ ctx, input }) => statusUpdateService.listStatusUpdates(ctx.db, ctx.actor, input)),
  create: procedureFor("status-update:post")
    .meta({
      openapi: {
        method: "POST",
        path: "/incidents/{incidentId}/status-updates",
        tags,
        summary: "Post a status update for stakeholders (member)",
        description:
          "Kept apart from comments, and delivered to the notification targets subscribed to the kind status_update (and those taking every kind). It does not change the incident's status.",
      },
      successStatus: 201,
    })
    .input(postStatusUpdateInput)
    .output(statusUpdateSchema)
    .mutation(({ ctx, input }) => statusUpdateService.postStatusUpdate(ctx.db, ctx.actor, input)),
});

const POSTMORTEM_CONFLICT = "Only a resolved incident has a postmortem: 409 CONFLICT before.";

export const postmortemRouter = router({
  get: procedureFor("incident:read")
    .meta({
      openapi: {
        method: "GET",
        path: "/incidents/{incidentId}/postmortem",
        tags,
        summary: "The resolved incident's postmortem, or a draft pre-filled from the incident (version 0)",
        description: POSTMORTEM_CONFLICT,
      },
    })
    .input(incidentIdInput)
    .output(postmortemSchema)
    .query(({ ctx, input }) => postmortemService.getPostmortem(ctx.db, ctx.actor, input)),
  put: procedureFor("postmortem:write")
    .meta({
      openapi: {
        method: "PUT",
        path: "/incidents/{incidentId}/postmortem",
        tags,
        summary: "Save the postmortem, at the version you read (member)",
        description: `A stale version is 409 VERSION_CONFLICT. Publishing (status published) goes on the incident's timeline. ${POSTMORTEM_CONFLICT}`,
      },
    })
    .input(putPostmortemInput)
    .output(postmortemSchema)
    .mutation(({ ctx, input }) => postmortemService.putPostmortem(ctx.db, ctx.actor, input)),
  markdown: procedureFor("incident:read")
    .meta({
      openapi: { method: "GET", path: "/incidents/{incidentId}/postmortem.md", tags, summary: "The postmortem as a Markdown document", description: POSTMORTEM_CONFLICT },
      textResponse: { contentType: "text/markdown; charset=utf-8" },
    })
    .input(incidentIdInput)
    .output(postmortemMarkdownSchema)
    .query(({ ctx, input }) => postmortemService.renderPostmortem(ctx.db, ctx.actor, input)),
});

export const attachmentsRouter = router({
  list: procedureFor("incident:read")
    .meta({ openapi: { method: "GET", path: "/incidents/{incidentId}/attachments", tags, summary: "The incident's attachments, oldest first" } })
    .input(listAttachmentsInput)
    .output(pageSchema(attachmentSchema))
    .query(({ ctx, input }) => attachmentService.listAttachments(ctx.db, ctx.actor, input)),
  delete: procedureFor("attachment:delete")
    .meta({
      openapi: {
        method: "DELETE",
        path: "/incidents/{incidentId}/attachments/{attachmentId}",
        tags,
        summary: "Delete an attachment and its bytes (its uploader, or an admin)",
      },
    })
    .input(attachmentIdInput)
    .output(okSchema)
    .mutation(({ ctx, input }) => ok(attachmentService.deleteAttachment(ctx.db, ctx.storage, ctx.actor, input))),
});
