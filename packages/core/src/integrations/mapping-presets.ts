import type { WebhookMappingPreset, WebhookMappingPresetList } from "./schema.js";

const template = (body: Record<string, unknown>) => JSON.stringify(body, null, 2);

/**
 * Elastic/Kibana alerting, Webhook connector: the rule's action posts this body (Kibana's mustache
 * variables). `{{alert.actionGroup}}` is `recovered` in the action that runs "When: Recovered";
 * set `severity` per rule (critical, high, medium, low).
 */
export const KIBANA_WEBHOOK_MAPPING: WebhookMappingPreset = {
  id: "kibana",
  name: "Elastic / Kibana (Webhook connector)",
  mapping: {
    dedupKey: "/dedupKey",
    title: "/title",
    severity: { pointer: "/severity", values: { critical: "sev1", high: "sev2", medium: "sev3", low: "sev4" }, default: "sev3" },
    action: { pointer: "/alert/actionGroup", trigger: [], resolve: ["recovered"], acknowledge: [] },
  },
  payloadTemplate: template({
    dedupKey: "{{rule.id}}:{{alert.id}}",
    title: "{{rule.name}}: {{alert.id}}",
    severity: "critical",
    reason: "{{context.reason}}",
    alert: { id: "{{alert.id}}", actionGroup: "{{alert.actionGroup}}", actionGroupName: "{{alert.actionGroupName}}" },
    rule: { id: "{{rule.id}}", name: "{{rule.name}}", url: "{{rule.url}}", tags: "{{rule.tags}}" },
    date: "{{date}}",
  }),
};

/**
 * Datadog, Webhooks integration: the webhook's custom payload (Datadog's $-variables).
 * `$AGGREG_KEY` is shared by a monitor's alert and its recovery; `$ALERT_TRANSITION` is
 * `Recovered` when it recovers; `$ALERT_PRIORITY` is P1..P5.
 */
export const DATADOG_WEBHOOK_MAPPING: WebhookMappingPreset = {
  id: "datadog",
  name: "Datadog (Webhooks integration)",
  mapping: {
    dedupKey: "/aggregateKey",
    title: "/title",
    severity: { pointer: "/priority", values: { P1: "sev1", P2: "sev2", P3: "sev3", P4: "sev4", P5: "sev4" }, default: "sev3" },
    action: { pointer: "/transition", trigger: [], resolve: ["Recovered"], acknowledge: [] },
  },
  payloadTemplate: template({
    aggregateKey: "$AGGREG_KEY",
    title: "$ALERT_TITLE",
    transition: "$ALERT_TRANSITION",
    priority: "$ALERT_PRIORITY",
    alertId: "$ALERT_ID",
    alertType: "$ALERT_TYPE",
    hostname: "$HOSTNAME",
    link: "$LINK",
    date: "$DATE",
    body: "$EVENT_MSG",
  }),
};

export const WEBHOOK_MAPPING_PRESETS: readonly WebhookMappingPreset[] = [KIBANA_WEBHOOK_MAPPING, DATADOG_WEBHOOK_MAPPING];

/** The ready mappings, as the API lists them. */
export const listWebhookMappingPresets = (): WebhookMappingPresetList => ({ items: [...WEBHOOK_MAPPING_PRESETS] });
