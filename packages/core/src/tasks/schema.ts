import { z } from "zod";
import { incidentIdInput, incidentPageInput } from "../incidents/schema.js";
import { isoDateTime } from "../schema.js";
import { personSchema } from "../users/schema.js";

/** Something to do during (or after) an incident, for someone or anyone. */
export const taskSchema = z.object({
  id: z.uuid(),
  incidentId: z.uuid(),
  title: z.string(),
  assignee: personSchema.nullable(),
  done: z.boolean(),
  doneAt: isoDateTime.nullable(),
  createdBy: z.uuid().nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Task = z.infer<typeof taskSchema>;

const title = z.string().trim().min(1).max(500);
const assigneeId = z.uuid().describe("A member of the organisation");

export const listTasksInput = incidentPageInput;
export type ListTasksInput = z.infer<typeof listTasksInput>;

export const createTaskInput = incidentIdInput.extend({ title, assigneeId: assigneeId.optional() });
export type CreateTaskInput = z.infer<typeof createTaskInput>;

export const taskIdInput = incidentIdInput.extend({ taskId: z.uuid() });

export const updateTaskInput = taskIdInput
  .extend({ title: title.optional(), assigneeId: assigneeId.nullable().optional().describe("null: unassigned"), done: z.boolean().optional() })
  .refine((input) => input.title !== undefined || input.assigneeId !== undefined || input.done !== undefined, {
    message: "Give at least one of title, assigneeId, done",
    path: ["title"],
  });
export type UpdateTaskInput = z.infer<typeof updateTaskInput>;
