import { OK } from "@incidentops/core";

/** For a procedure whose service returns nothing: answers `{ ok: true }` once the work is done. */
export async function ok(work: Promise<void>): Promise<typeof OK> {
  await work;
  return OK;
}
