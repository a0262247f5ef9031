import type { Incident, Page } from "@incidentops/core";
import type { IncidentStatus } from "@incidentops/db";
import { expect } from "vitest";
import { anIncident, anOrgOwner, aService, ok, type ErrorBody, type TestApi } from "@incidentops/testkit";

// What the incident tests (incidents, incident-lists) share.

export interface Caller {
  token: string;
  userId: string;
  orgId: string;
  serviceId: string;
}

/** A new user in a new org (so list assertions see only this caller's incidents), with one service. */
export async function newCaller(t: TestApi): Promise<Caller> {
  const reg = await anOrgOwner(t);
  const service = await aService(t, reg.accessToken);
  return { token: reg.accessToken, userId: reg.user.id, orgId: reg.org.id, serviceId: service.id };
}

/** Allowed moves that bring a new (triggered) incident into each status. */
export const PATH_TO: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triggered: [],
  acknowledged: ["acknowledged"],
  mitigated: ["acknowledged", "mitigated"],
  resolved: ["resolved"],
};

/** The incident routes as calls on the file's API, and the rows they change. */
export function incidentCalls(api: { current: TestApi }) {
  const transition = (c: Caller, incidentId: string, toStatus: IncidentStatus, version: number) =>
    api.current.request<Incident & ErrorBody>("POST", `/v1/incidents/${incidentId}/transition`, { token: c.token, body: { toStatus, version } });
  const getIncident = (c: Caller, id: string) => ok(api.current.request<Incident>("GET", `/v1/incidents/${id}`, { token: c.token }), 200, "get incident");
  return {
    transition,
    getIncident,
    /** A fresh incident walked into `status` through allowed transitions. */
    incidentIn: async (c: Caller, status: IncidentStatus): Promise<Incident> => {
      const created = await anIncident(api.current, c.token, c.serviceId);
      let current = await getIncident(c, created.id);
      for (const step of PATH_TO[status]) current = await ok(transition(c, current.id, step, current.version), 200, `setup transition to ${step}`);
      expect(current.status).toBe(status);
      return current;
    },
    /** The incident's row as stored, for "nothing changed" comparisons. */
    incidentRow: (id: string) => api.current.db.selectFrom("incidents").selectAll().where("id", "=", id).executeTakeFirstOrThrow(),
    eventRows: (incidentId: string) => api.current.db.selectFrom("incident_events").selectAll().where("incident_id", "=", incidentId).orderBy("seq").execute(),
    listPage: <T>(c: Caller, path: string, params: Record<string, string | number | undefined>) => {
      const query = new URLSearchParams();
      for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
      const qs = query.toString();
      return api.current.request<Page<T> & ErrorBody>("GET", `${path}${qs === "" ? "" : `?${qs}`}`, { token: c.token });
    },
  };
}
