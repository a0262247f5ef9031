import type { Db, Tx } from "@incidentops/db";
import { notFound } from "../errors.js";
import * as lifecycle from "../incidents/lifecycle.js";
import { requireIncident } from "../incidents/service.js";
import { iso, isoOrNull } from "../mapping.js";
import { assertMembers } from "../members-named.js";
import { createdAtCursor, createdAtPositionOf, decodeCursor, toPage, type Page } from "../pagination.js";
import { actorUserId, type Actor } from "../policy.js";
import { transact } from "../scope.js";
import { personOrNull } from "../users/service.js";
import {
  findTask,
  findTaskForUpdate,
  insertTask,
  listOpenTasks,
  listTasks as listTaskRows,
  unassignOpenTasks,
  updateTask as updateTaskRow,
  type TaskWithAssigneeRow,
} from "./repository.js";
import type { CreateTaskInput, ListTasksInput, Task, UpdateTaskInput } from "./schema.js";

// Tasks of an incident. Each creation and change goes on the incident's timeline (task_created,
// task_updated with what changed, from and to); they notify no one.

export const toTask = (row: TaskWithAssigneeRow): Task => ({
  id: row.id,
  incidentId: row.incident_id,
  title: row.title,
  assignee: personOrNull(row.assignee_id, row.assignee_name, row.assignee_email),
  done: row.done_at !== null,
  doneAt: isoOrNull(row.done_at),
  createdBy: row.created_by,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

const taskNotFound = () => notFound("Task");

async function readTask(db: Db, actor: Actor, taskId: string): Promise<Task> {
  const row = await findTask(db, actor.orgId, taskId);
  if (row === undefined) throw taskNotFound();
  return toTask(row);
}

/** The incident's tasks, oldest first. */
export async function listTasks(db: Db, actor: Actor, input: ListTasksInput): Promise<Page<Task>> {
  await requireIncident(db, actor, input.incidentId);
  const rows = await listTaskRows(db, actor.orgId, input.incidentId, input.limit, decodeCursor(createdAtCursor, input.cursor));
  return toPage(rows, input.limit, toTask, createdAtPositionOf);
}

/** The incident's tasks not done yet, oldest first (at most 100): a postmortem's first action items. */
export async function openTasksOf(db: Db, actor: Actor, incidentId: string): Promise<Task[]> {
  return (await listOpenTasks(db, actor.orgId, incidentId)).map(toTask);
}

export async function createTask(db: Db, actor: Actor, input: CreateTaskInput): Promise<Task> {
  return transact(db, async (tx) => {
    const source = lifecycle.changeSourceOf(actor);
    const incident = await lifecycle.lockExisting(tx, source, input.incidentId);
    if (input.assigneeId !== undefined) await assertMembers(tx, actor.orgId, [{ field: "assigneeId", userId: input.assigneeId }]);
    const { id } = await insertTask(tx, {
      orgId: actor.orgId,
      incidentId: input.incidentId,
      title: input.title,
      assigneeId: input.assigneeId ?? null,
      createdBy: actorUserId(actor),
    });
    await lifecycle.recordActivity(tx, source, incident, "task_created", {
      taskId: id,
      title: input.title,
      assigneeId: input.assigneeId ?? null,
    });
    return readTask(tx, actor, id);
  });
}

/** PATCH semantics; `done` stamps (or clears) doneAt. A change that changes nothing records nothing. */
export async function updateTask(db: Db, actor: Actor, input: UpdateTaskInput): Promise<Task> {
  return transact(db, async (tx) => {
    const source = lifecycle.changeSourceOf(actor);
    const incident = await lifecycle.lockExisting(tx, source, input.incidentId);
    const current = await findTaskForUpdate(tx, actor.orgId, input.incidentId, input.taskId);
    if (current === undefined) throw taskNotFound();
    if (input.assigneeId !== undefined && input.assigneeId !== null) {
      await assertMembers(tx, actor.orgId, [{ field: "assigneeId", userId: input.assigneeId }]);
    }
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.title !== undefined && input.title !== current.title) changes.title = { from: current.title, to: input.title };
    if (input.assigneeId !== undefined && input.assigneeId !== current.assignee_id) changes.assigneeId = { from: current.assignee_id, to: input.assigneeId };
    const wasDone = current.done_at !== null;
    if (input.done !== undefined && input.done !== wasDone) changes.done = { from: wasDone, to: input.done };
    if (Object.keys(changes).length > 0) {
      const at = new Date();
      await updateTaskRow(tx, actor.orgId, current.id, {
        title: changes.title === undefined ? undefined : input.title,
        assigneeId: changes.assigneeId === undefined ? undefined : input.assigneeId,
        doneAt: changes.done === undefined ? undefined : input.done === true ? at : null,
        at,
      });
      await lifecycle.recordActivity(tx, source, incident, "task_updated", {
        taskId: current.id,
        title: input.title ?? current.title,
        changes,
      });
    }
    return readTask(tx, actor, current.id);
  });
}

/**
 * Unassigns `tasks` (open tasks of the person, as read when their membership was locked), each a
 * `task_updated` on its incident's timeline (assigneeId from them to null) with `context` (why).
 * Their incidents are locked first, as every task change does; a task done since is left as it is.
 */
export async function unassignTasksOf(tx: Tx, source: lifecycle.ChangeSource, userId: string, tasks: readonly { id: string; incidentId: string }[], context: Record<string, unknown>): Promise<void> {
  const incidents = await lifecycle.lockIncidents(tx, source, tasks.map((t) => t.incidentId));
  for (const task of await unassignOpenTasks(tx, source.orgId, userId, tasks.map((t) => t.id), new Date())) {
    const incident = incidents.get(task.incident_id);
    if (incident === undefined) throw new Error("unreachable: a task's incident exists");
    await lifecycle.recordActivity(tx, source, incident, "task_updated", { ...context, taskId: task.id, title: task.title, changes: { assigneeId: { from: userId, to: null } } });
  }
}
