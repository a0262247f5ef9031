/**
 * Compile-time checks of the published types: this file only has to type-check (`tsc`). The
 * functions are never called.
 */
import {
  createIncidentOpsClient,
  isVersionConflict,
  type Incident,
  type IncidentOpsClient,
  type IncidentStatus,
  type RouterInputs,
} from "@incidentops/sdk";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T | undefined => undefined;

// The status is the API's closed union, inferred through the package's .d.ts.
assertType<Equal<IncidentStatus, "triggered" | "acknowledged" | "mitigated" | "resolved">>();
assertType<Equal<RouterInputs["incidents"]["transition"]["toStatus"], IncidentStatus>>();

/** A switch over the status narrows each branch and is exhaustive. */
export function describeIncident(incident: Incident): string {
  switch (incident.status) {
    case "triggered":
      return `needs an owner since ${incident.triggeredAt}`;
    case "acknowledged":
      return `acknowledged at ${incident.acknowledgedAt ?? "?"}`;
    case "mitigated":
      return "mitigated";
    case "resolved": {
      const status: "resolved" = incident.status;
      return status;
    }
    default: {
      const unreachable: never = incident.status;
      return unreachable;
    }
  }
}

/** Inputs and outputs are inferred: wrong fields do not compile. Never called. */
export async function compileOnly(client: IncidentOpsClient): Promise<void> {
  const incident = await client.incidents.get({ incidentId: "00000000-0000-4000-8000-000000000000" });
  const version: number = incident.version;
  await client.incidents.transition({ incidentId: incident.id, toStatus: "acknowledged", version });

  // @ts-expect-error "closed" is not a status
  await client.incidents.transition({ incidentId: incident.id, toStatus: "closed", version });
  // @ts-expect-error the field is `title`, not `name`
  await client.incidents.create({ serviceId: incident.serviceId, name: "Checkout is down" });
  // @ts-expect-error severities are sev1..sev4
  await client.incidents.create({ serviceId: incident.serviceId, title: "Checkout is down", severity: "critical" });
  // @ts-expect-error no such procedure
  await client.incidents.delete({ incidentId: incident.id });
  // @ts-expect-error the output has no `state`, only `status`
  incident.state;

  for await (const item of client.incidents.listAll({ status: "triggered" })) {
    const status: "triggered" | "acknowledged" | "mitigated" | "resolved" = item.status;
    void status;
  }

  try {
    await client.org.services.create({ name: "payments" });
  } catch (error) {
    if (isVersionConflict(error)) {
      const code: "VERSION_CONFLICT" = error.code;
      const trace: string | undefined = error.traceId;
      void [code, trace];
    }
  }
}

export const anonymous = (baseUrl: string) => createIncidentOpsClient({ baseUrl });
