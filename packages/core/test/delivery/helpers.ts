import { randomBytes, randomUUID } from "node:crypto";
import { justOpenedIncident, type NotificationPayload } from "../../src/delivery/payload.js";

export const PUBLIC_URL = "https://incidentops.test";

export function makePayload(overrides: Partial<NotificationPayload> = {}): NotificationPayload {
  const incidentId = randomUUID();
  const serviceId = randomUUID();
  const at = "2025-01-02T03:04:05.000Z";
  return {
    id: randomUUID(),
    type: "incident.triggered",
    occurredAt: at,
    org: { id: randomUUID(), name: "Acme Ops" },
    service: { id: serviceId, name: "checkout-api" },
    incident: justOpenedIncident(
      { id: incidentId, serviceId, title: "Database down", description: "Primary is not answering", type: "database", severity: "sev2", createdBy: randomUUID() },
      at,
    ),
    event: {
      id: randomUUID(),
      incidentId,
      kind: "created",
      actorUserId: null,
      data: { title: "Database down", severity: "sev2", status: "triggered" },
      createdAt: at,
    },
    ...overrides,
  };
}

export const newSigningSecret = () => `whsec_${randomBytes(32).toString("base64")}`;
