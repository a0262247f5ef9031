import type { Postmortem } from "./schema.js";

// The Markdown rendering of a postmortem (GET .../postmortem.md): the text the team wrote, as
// written (it is Markdown already), around the incident's facts and timeline, which are plain
// text (an alert's summary, a service's or a person's name, a comment) and are written as such.

/** "1 h 23 min", "4 min 10 s", "45 s". */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  if (h > 0) return `${h} h ${m} min`;
  if (m > 0) return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
  return `${rest} s`;
}

/** An instant as people read it in a report: `2025-03-14 09:02:00 UTC`. */
export const formatInstant = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/**
 * Plain text as Markdown shows it, never as markup: CommonMark's backslash escapes for what would
 * start HTML (`<img onerror>`), a link or an image (`[x](javascript:)`, `![](https://tracker)`),
 * an entity, emphasis or code. An alert sender chooses an incident's title.
 */
const plain = (text: string) => text.replace(/[\\`*_[\]<>&!]/g, "\\$&");

/** Plain text inside one table cell: no line breaks, no column separators. */
const cell = (text: string) => plain(text).replace(/\r?\n/g, " ").replace(/\|/g, "\\|");

/** Plain text on one line of a heading or list item. */
const inline = (text: string) => plain(text).replace(/\s*\r?\n\s*/g, " ").trim();

const section = (title: string, body: string) => `## ${title}\n\n${body.trim() === "" ? "_Not written yet._" : body.trim()}\n`;

function factsTable(pm: Postmortem): string {
  const f = pm.facts;
  const rows: [string, string][] = [
    ["Severity", f.severity.toUpperCase()],
    ["Service", f.service.name],
    ["Triggered", formatInstant(f.triggeredAt)],
  ];
  if (f.firstAcknowledgedAt !== null) {
    rows.push(["Acknowledged", `${formatInstant(f.firstAcknowledgedAt)} (after ${formatDuration(f.timeToAcknowledgeSeconds ?? 0)})`]);
  }
  if (f.mitigatedAt !== null) rows.push(["Mitigated", formatInstant(f.mitigatedAt)]);
  if (f.resolvedAt !== null) rows.push(["Resolved", `${formatInstant(f.resolvedAt)} (after ${formatDuration(f.timeToResolveSeconds ?? 0)})`]);
  if (f.acknowledgeDueAt !== null) {
    rows.push(["Acknowledge SLA", `${formatInstant(f.acknowledgeDueAt)}: ${f.acknowledgeBreachedAt === null ? "met" : "breached"}`]);
  }
  if (f.resolveDueAt !== null) rows.push(["Resolve SLA", `${formatInstant(f.resolveDueAt)}: ${f.resolveBreachedAt === null ? "met" : "breached"}`]);
  if (f.alertCount > 0) rows.push(["Alerts", String(f.alertCount)]);
  return ["| | |", "|---|---|", ...rows.map(([name, value]) => `| ${name} | ${cell(value)} |`)].join("\n");
}

function actionItems(pm: Postmortem, names: ReadonlyMap<string, string>): string {
  return pm.actionItems
    .map((item) => {
      const owner = item.ownerId === null ? "" : ` (owner: ${inline(names.get(item.ownerId) ?? "a former member")})`;
      return `- [${item.done ? "x" : " "}] ${inline(item.title)}${owner}`;
    })
    .join("\n");
}

function timeline(pm: Postmortem, names: ReadonlyMap<string, string>): string {
  if (pm.timeline.length === 0) return "";
  const rows = pm.timeline.map((entry) => {
    const who = entry.actorUserId === null ? "" : (names.get(entry.actorUserId) ?? "");
    return `| ${formatInstant(entry.at)} | ${cell(entry.summary)} | ${cell(who)} |`;
  });
  const more = pm.timelineTruncated ? "\n\n_The timeline goes on beyond these events._" : "";
  return ["| Time | Event | By |", "|---|---|---|", ...rows].join("\n") + more;
}

/** The postmortem as a Markdown document; `names` gives people's names by id. */
export function renderPostmortemMarkdown(pm: Postmortem, names: ReadonlyMap<string, string>): string {
  const status = pm.status === "published" && pm.publishedAt !== null ? `Published ${formatInstant(pm.publishedAt)}` : "Draft";
  return [
    `# Postmortem: ${inline(pm.facts.title)}`,
    "",
    `_${status}_`,
    "",
    factsTable(pm),
    "",
    section("Summary", pm.summary),
    section("Impact", pm.impact),
    section("Root cause", pm.rootCause),
    section("Action items", actionItems(pm, names)),
    section("Timeline", timeline(pm, names)),
  ].join("\n");
}
