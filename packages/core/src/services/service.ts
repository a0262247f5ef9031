import type { Db, ServiceRow } from "@incidentops/db";
import { isUniqueViolation } from "../db-errors.js";
import { AppError } from "../errors.js";
import { iso } from "../mapping.js";
import { createdAtCursor, decodeCursor, toPage, type Page } from "../pagination.js";
import type { Actor } from "../policy.js";
import type { Service } from "../schemas.js";
import { insertService, listServices as listServiceRows } from "./repository.js";

export const toService = (row: ServiceRow): Service => ({
  id: row.id,
  name: row.name,
  description: row.description,
  createdAt: iso(row.created_at),
  updatedAt: iso(row.updated_at),
});

export async function createService(
  db: Db,
  actor: Actor,
  input: { name: string; description?: string | undefined },
): Promise<Service> {
  try {
    return toService(await insertService(db, { orgId: actor.orgId, name: input.name, description: input.description ?? null }));
  } catch (error) {
    if (isUniqueViolation(error, "services_org_name_key")) {
      throw new AppError("CONFLICT", `A service named "${input.name}" already exists`, {
        fields: { name: ["already used by another service"] },
      });
    }
    throw error;
  }
}

export async function listServices(
  db: Db,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<Page<Service>> {
  const after = input.cursor === undefined ? undefined : decodeCursor(createdAtCursor, input.cursor);
  const rows = await listServiceRows(db, actor.orgId, input.limit, after);
  return toPage(rows, input.limit, toService, (r) => ({ createdAt: iso(r.created_at), id: r.id }));
}
