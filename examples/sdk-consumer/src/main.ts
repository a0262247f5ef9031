/**
 * Runs the packed SDK against a live API: INCIDENTOPS_API_URL=http://127.0.0.1:3000 node dist/main.js
 * Prints one JSON line describing what it saw; exits non-zero on any failure.
 */
import {
  createIncidentOpsClient,
  IncidentOpsClient,
  IncidentOpsError,
  isVersionConflict,
  type Incident,
  type TokenResponse,
} from "@incidentops/sdk";
import { describeIncident } from "./types-check.js";

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(`consumer check failed: ${message}`);
}

async function main(): Promise<void> {
  const baseUrl = process.env.INCIDENTOPS_API_URL;
  check(baseUrl !== undefined && baseUrl !== "", "set INCIDENTOPS_API_URL");

  const email = `consumer-${Date.now()}-${process.pid}@example.com`;
  const password = "correct horse battery";
  await createIncidentOpsClient({ baseUrl }).auth.register({ email, password, name: "Consumer", orgName: "Consumer Org" });

  const persisted: TokenResponse[] = [];
  const client = await IncidentOpsClient.login({ baseUrl, email, password, onTokens: (tokens) => void persisted.push(tokens) });

  const service = await client.org.services.create({ name: "checkout" });
  const created: Incident[] = [];
  for (const title of ["Checkout returns 500", "Slow search", "Disk almost full"]) {
    created.push(await client.incidents.create({ serviceId: service.id, title, severity: "sev2" }));
  }
  const first = created[0];
  check(first !== undefined && first.status === "triggered" && first.version === 1, "a new incident is triggered at version 1");

  const acknowledged = await client.incidents.transition({ incidentId: first.id, toStatus: "acknowledged", version: first.version });
  check(acknowledged.status === "acknowledged" && acknowledged.version === 2, "the transition applies");

  let conflict: IncidentOpsError | undefined;
  try {
    await client.incidents.transition({ incidentId: first.id, toStatus: "resolved", version: first.version });
  } catch (error) {
    if (isVersionConflict(error)) conflict = error;
    else throw error;
  }
  check(conflict instanceof IncidentOpsError && conflict.code === "VERSION_CONFLICT" && conflict.httpStatus === 409, "a stale version is a VERSION_CONFLICT");

  const triggered: string[] = [];
  for await (const incident of client.incidents.listAll({ status: "triggered", limit: 1 })) triggered.push(incident.id);
  check(triggered.length === 2, `listAll sees every page (got ${triggered.length})`);

  await client.incidents.comment({ incidentId: first.id, body: "Rolling back" });
  const timeline: string[] = [];
  for await (const event of client.incidents.eventsAll({ incidentId: first.id, limit: 1 })) timeline.push(event.kind);

  const tokensBefore = client.getTokens();
  const renewed = await client.refreshTokens();
  check(renewed.refreshToken !== tokensBefore?.refreshToken, "refreshing rotates the refresh token");

  console.log(
    JSON.stringify({
      ok: true,
      sdk: import.meta.resolve("@incidentops/sdk"),
      org: (await client.org.get()).name,
      incidents: created.length,
      triggered: triggered.length,
      timeline,
      described: describeIncident(acknowledged),
      conflict: conflict.code,
      tokensPersisted: persisted.length,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
