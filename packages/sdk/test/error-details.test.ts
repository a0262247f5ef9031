import { describe, expect, expectTypeOf, test } from "vitest";
import { useTestApi } from "@incidentops/testkit";
import {
  createIncidentOpsClient,
  hasErrorCode,
  isForbidden,
  isIncidentOpsError,
  isRateLimited,
  isVersionConflict,
  type ApiErrorDetailsByCode,
  type IncidentOpsError,
} from "../src/index.js";

const api = useTestApi();

type IncidentStatus = "triggered" | "acknowledged" | "mitigated" | "resolved";

describe("error details, typed per code", () => {
  test("the fixed shapes are in the types", () => {
    expectTypeOf<ApiErrorDetailsByCode["VERSION_CONFLICT"]>().toEqualTypeOf<{ currentVersion: number; currentStatus: IncidentStatus }>();
    expectTypeOf<ApiErrorDetailsByCode["VALIDATION_FAILED"]>().toEqualTypeOf<{ fields: Record<string, string[]> }>();
    expectTypeOf<ApiErrorDetailsByCode["LOGIN_LOCKED"]>().toEqualTypeOf<{ retryAfterSeconds: number }>();
    expectTypeOf<ApiErrorDetailsByCode["QUOTA_EXCEEDED"]>().toEqualTypeOf<{ quota: number; retryAfterSeconds: number }>();
    expectTypeOf<ApiErrorDetailsByCode["RATE_LIMITED"]["retryAfterSeconds"]>().toEqualTypeOf<number>();
    expectTypeOf<ApiErrorDetailsByCode["SERVICE_UNAVAILABLE"]>().toEqualTypeOf<{ retryAfterSeconds: number }>();
    expectTypeOf<ApiErrorDetailsByCode["FORBIDDEN"]>().toEqualTypeOf<{ action?: string; requiredRole?: "viewer" | "member" | "admin"; requiredTeamRole?: "manager" }>();
    const handle = (error: unknown) => {
      if (isVersionConflict(error)) expectTypeOf(error.details.currentStatus).toEqualTypeOf<IncidentStatus>();
      if (isRateLimited(error)) expectTypeOf(error.details.retryAfterSeconds).toEqualTypeOf<number>();
      if (isForbidden(error)) expectTypeOf(error.details).toEqualTypeOf<ApiErrorDetailsByCode["FORBIDDEN"]>();
      if (hasErrorCode(error, "QUOTA_EXCEEDED", "LOGIN_LOCKED")) expectTypeOf(error.details.retryAfterSeconds).toEqualTypeOf<number>();
      expectTypeOf<IncidentOpsError<"VERSION_CONFLICT">["details"]>().toEqualTypeOf<ApiErrorDetailsByCode["VERSION_CONFLICT"]>();
    };
    expectTypeOf(handle).toBeFunction();
  });

  test("a version conflict from the live API carries the incident's current version and status", async () => {
    const anonymous = createIncidentOpsClient({ baseUrl: api.current.baseUrl });
    const registered = await anonymous.auth.register({ email: `details-${Date.now()}@example.com`, password: "correct horse battery", name: "Ada", orgName: "Acme" });
    const client = createIncidentOpsClient({ baseUrl: api.current.baseUrl, auth: registered });
    const service = await client.org.services.create({ name: "db" });
    const incident = await client.incidents.create({ serviceId: service.id, title: "Disk full" });
    await client.incidents.transition({ incidentId: incident.id, toStatus: "acknowledged", version: incident.version });
    const error = await client.incidents.transition({ incidentId: incident.id, toStatus: "resolved", version: incident.version }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isIncidentOpsError(error) && error.code).toBe("VERSION_CONFLICT");
    if (!isVersionConflict(error)) throw new Error("expected a version conflict");
    expect(error.details).toEqual({ currentVersion: incident.version + 1, currentStatus: "acknowledged" });
  });
});
