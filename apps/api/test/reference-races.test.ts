import { describe, expect, it } from "vitest";
import { aMember, aSchedule, aService, aTeam, aWebhookTarget, anIncident, anOrgOwner, useTestApi, type HttpResponse } from "@incidentops/testkit";

// A write that names a resource (a schedule, a team, a member...) sent at the same moment as that
// resource's removal: one goes first, and the other answers as it would a moment later. The write
// locks what it names as it checks it, so the removal waits for it (and then refuses, or takes the
// new reference away with the resource) or is seen by it (400 / 404). Without that lock the write's
// foreign key found the resource gone after its check had passed: 500.

const api = useTestApi();

const ROUNDS = 8;

interface Race {
  write: () => Promise<HttpResponse<unknown>>;
  remove: () => Promise<HttpResponse<unknown>>;
  /** What each pair of answers leaves behind, checked after the race. */
  settled?: (writeStatus: number) => Promise<void>;
}

/** Runs `ROUNDS` races, each set up afresh; each round's [write, removal] statuses must be one of `allowed`. */
async function race(setUp: () => Promise<Race>, allowed: [number, number][]): Promise<void> {
  const outcomes: [number, number][] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { write, remove, settled } = await setUp();
    const [written, removed] = await Promise.all([write(), remove()]);
    outcomes.push([written.status, removed.status]);
    await settled?.(written.status);
  }
  for (const outcome of outcomes) expect(allowed, JSON.stringify(outcomes)).toContainEqual(outcome);
}

describe("a write naming a resource, sent with the resource's removal", () => {
  it("a policy paging a schedule, and the schedule's delete: the policy first (the delete is refused), or the delete first (404)", async () => {
    const { accessToken: token } = await anOrgOwner(api.current);
    await race(async () => {
      const schedule = await aSchedule(api.current, token);
      const levels = [{ delaySeconds: 300, targets: [{ type: "schedule", scheduleId: schedule.id }] }];
      return {
        write: () => api.current.request("POST", "/v1/org/escalation-policies", { token, body: { name: `pages ${schedule.id}`, levels } }),
        remove: () => api.current.request("DELETE", `/v1/org/schedules/${schedule.id}`, { token }),
      };
    }, [[201, 409], [404, 200]]);
  });

  it("a policy paging a notification target, and the target's delete: the level loses the target with it, or 400", async () => {
    const { accessToken: token } = await anOrgOwner(api.current);
    await race(async () => {
      const target = await aWebhookTarget(api.current, token, "https://hooks.example.com/race");
      const levels = [{ delaySeconds: 300, targets: [{ type: "notification_target", targetId: target.id }] }];
      return {
        write: () => api.current.request("POST", "/v1/org/escalation-policies", { token, body: { name: `pages ${target.id}`, levels } }),
        remove: () => api.current.request("DELETE", `/v1/org/notification-targets/${target.id}`, { token }),
      };
    }, [[201, 200], [400, 200]]);
  });

  it("a service, schedule or policy owned by a team, and the team's delete: what was created is left to no team, or 400", async () => {
    const { accessToken: token } = await anOrgOwner(api.current);
    for (const [path, extra] of [
      ["/v1/org/services", {}],
      ["/v1/org/schedules", { timeZone: "UTC" }],
      ["/v1/org/escalation-policies", { levels: [{ delaySeconds: 300, targets: [{ type: "user", userId: (await api.current.request<{ user: { id: string } }>("GET", "/v1/auth/me", { token })).body.user.id }] }] }],
    ] as const) {
      let created: string | undefined;
      await race(async () => {
        const team = await aTeam(api.current, token);
        return {
          write: async () => {
            const res = await api.current.request<{ id: string }>("POST", path, { token, body: { name: `owned by ${team.id}`, teamId: team.id, ...extra } });
            created = res.body.id;
            return res;
          },
          remove: () => api.current.request("DELETE", `/v1/org/teams/${team.id}`, { token }),
          settled: async (status) => {
            if (status === 201) expect((await api.current.request<{ teamId: string | null }>("GET", `${path}/${created}`, { token })).body.teamId).toBeNull();
          },
        };
      }, [[201, 200], [400, 200]]);
    }
  });

  it("a team member set, and the team's delete or the person's removal from the org: 404 after either", async () => {
    const owner = await anOrgOwner(api.current);
    const token = owner.accessToken;
    for (const removal of ["team", "member"] as const) {
      await race(async () => {
        const team = await aTeam(api.current, token);
        const personId = await aMember(api.current, owner.org.id, "member");
        return {
          write: () => api.current.request("PUT", `/v1/org/teams/${team.id}/members/${personId}`, { token, body: { role: "member" } }),
          remove: () => api.current.request("DELETE", removal === "team" ? `/v1/org/teams/${team.id}` : `/v1/org/members/${personId}`, { token }),
        };
      }, [[200, 200], [404, 200]]);
    }
  });

  it("an incident assigned to a member, and the member's removal: the assignment goes with them, or 400", async () => {
    const owner = await anOrgOwner(api.current);
    const token = owner.accessToken;
    const service = await aService(api.current, token);
    let incidentId = "";
    await race(async () => {
      const incident = await anIncident(api.current, token, service.id);
      incidentId = incident.id;
      const personId = await aMember(api.current, owner.org.id, "member");
      return {
        write: () => api.current.request("POST", `/v1/incidents/${incident.id}/assign`, { token, body: { userIds: [personId], version: incident.version } }),
        remove: () => api.current.request("DELETE", `/v1/org/members/${personId}`, { token }),
        settled: async () => {
          expect((await api.current.request<{ assignees: unknown[] }>("GET", `/v1/incidents/${incidentId}`, { token })).body.assignees).toEqual([]);
        },
      };
    }, [[200, 200], [400, 200]]);
  });

  it("a calendar feed of a schedule, and the schedule's delete: the feed goes with it, or 400", async () => {
    const { accessToken: token } = await anOrgOwner(api.current);
    await race(async () => {
      const schedule = await aSchedule(api.current, token);
      return {
        write: () => api.current.request("POST", "/v1/users/me/calendar-feeds", { token, body: { name: "team rota", scheduleId: schedule.id } }),
        remove: () => api.current.request("DELETE", `/v1/org/schedules/${schedule.id}`, { token }),
      };
    }, [[201, 200], [400, 200]]);
    expect((await api.current.request<{ items: unknown[] }>("GET", "/v1/users/me/calendar-feeds", { token })).body.items).toEqual([]);
  });
});
