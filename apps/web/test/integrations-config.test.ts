import { describe, expect, it } from "vitest";
import { alertmanagerConfig, opsgenieConfig, pagerDutyConfig } from "../src/pages/services/integrations";

const origin = "https://incidentops.example.com";
const key = "0f3c8a1e9b7d4c2a8e6f1b3d5a7c9e0f";

describe("ready configuration of a routing key", () => {
  it("points each source at this origin with the key", () => {
    expect(pagerDutyConfig(origin, key)).toContain(`"routing_key":"${key}"`);
    expect(alertmanagerConfig(origin, key)).toContain(`url: ${origin}/v1/integrations/alertmanager/${key}`);
  });

  it("gives Opsgenie senders the base URL (with Alertmanager's trailing slash) and the key as GenieKey", () => {
    const config = opsgenieConfig(origin, key);
    expect(config).toContain("opsgenie_configs:");
    expect(config).toContain(`api_url: ${origin}/\n`);
    expect(config).toContain(`api_key: ${key}`);
    expect(config).toContain(`curl -X POST ${origin}/v2/alerts \\`);
    expect(config.match(new RegExp(`Authorization: GenieKey ${key}`, "g"))).toHaveLength(2);
    expect(config).toContain("/v2/alerts/disk-full-db-1/close?identifierType=alias");
  });
});
