import type { Db, Tx } from "@incidentops/db";
import { pageOrderedBy } from "../keyset.js";

function tasksWithAssignee(db: Db | Tx, orgId: string) {
  return db
    .selectFrom("incident_tasks as t")
    .leftJoin("users as u", "u.id", "t.assignee_id")
    .selectAll("t")
    .select(["u.name as assignee_name", "u.email as assignee_email"])
    .where("t.org_id", "=", orgId);
}

export type TaskWithAssigneeRow = NonNullable<Awaited<ReturnType<typeof findTask>>>;

export function findTask(db: Db | Tx, orgId: string, taskId: string) {
  return tasksWithAssignee(db, orgId).where("t.id", "=", taskId).executeTakeFirst();
}

/** An incident's tasks, oldest first by (created_at, id). */
export function listTasks(db: Db | Tx, orgId: string, incidentId: string, limit: number, after: { createdAt: string; id: string } | undefined) {
  return pageOrderedBy(tasksWithAssignee(db, orgId).where("t.incident_id", "=", incidentId), { time: "t.created_at", id: "t.id" }, "asc", limit, after).execute();
}

/** The incident's open tasks, oldest first (at most 100). */
export function listOpenTasks(db: Db | Tx, orgId: string, incidentId: string) {
  return tasksWithAssignee(db, orgId).where("t.incident_id", "=", incidentId).where("t.done_at", "is", null).orderBy("t.created_at").orderBy("t.id").limit(100).execute();
}

/** The org's tasks not done yet that are assigned to the person, oldest first. */
export function openTasksAssignedTo(db: Db | Tx, orgId: string, userId: string) {
  return db
    .selectFrom("incident_tasks")
    .select(["id", "incident_id", "title"])
    .where("org_id", "=", orgId)
    .where("assignee_id", "=", userId)
    .where("done_at", "is", null)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
}

/** Unassigns the tasks among `taskIds` still assigned to the person and not done; returns those it changed. */
export function unassignOpenTasks(tx: Tx, orgId: string, userId: string, taskIds: readonly string[], at: Date) {
  if (taskIds.length === 0) return Promise.resolve([]);
  return tx
    .updateTable("incident_tasks")
    .set({ assignee_id: null, updated_at: at })
    .where("org_id", "=", orgId)
    .where("id", "in", taskIds)
    .where("assignee_id", "=", userId)
    .where("done_at", "is", null)
    .returning(["id", "incident_id", "title"])
    .execute();
}

export function insertTask(tx: Tx, task: { orgId: string; incidentId: string; title: string; assigneeId: string | null; createdBy: string | null }) {
  return tx
    .insertInto("incident_tasks")
    .values({ org_id: task.orgId, incident_id: task.incidentId, title: task.title, assignee_id: task.assigneeId, created_by: task.createdBy })
    .returning("id")
    .executeTakeFirstOrThrow();
}

/** The incident's task, locked. */
export function findTaskForUpdate(tx: Tx, orgId: string, incidentId: string, taskId: string) {
  return tx
    .selectFrom("incident_tasks")
    .selectAll()
    .where("org_id", "=", orgId)
    .where("incident_id", "=", incidentId)
    .where("id", "=", taskId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateTask(
  tx: Tx,
  orgId: string,
  taskId: string,
  changes: { title?: string | undefined; assigneeId?: string | null | undefined; doneAt?: Date | null | undefined; at: Date },
): Promise<void> {
  await tx
    .updateTable("incident_tasks")
    .set({
      ...(changes.title === undefined ? {} : { title: changes.title }),
      ...(changes.assigneeId === undefined ? {} : { assignee_id: changes.assigneeId }),
      ...(changes.doneAt === undefined ? {} : { done_at: changes.doneAt }),
      updated_at: changes.at,
    })
    .where("org_id", "=", orgId)
    .where("id", "=", taskId)
    .execute();
}
