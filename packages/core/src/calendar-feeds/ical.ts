import icalGenerator, { ICalCalendarMethod } from "ical-generator";

export interface FeedEvent {
  /** Stable across fetches, so a calendar updates the event instead of adding another. */
  uid: string;
  summary: string;
  description: string;
  start: Date;
  end: Date;
  url: string;
}

/**
 * A TEXT value as RFC 5545 (3.3.11) writes it. ical-generator 10 escapes its events' texts but
 * writes the calendar's name (NAME, X-WR-CALNAME) as given, so a comma or a line break in a feed's
 * name broke the document.
 */
const asText = (value: string) => value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, "\\n");

/** An iCalendar (RFC 5545) document of the events, in UTC, that any calendar app can subscribe to. */
export function toICalendar(name: string, events: readonly FeedEvent[], refreshMinutes: number): string {
  const calendar = icalGenerator({
    name: asText(name),
    prodId: { company: "IncidentOps", product: "on-call", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    ttl: refreshMinutes * 60,
  });
  // Google Calendar and Outlook show no URL property: the link ends the description too.
  for (const e of events) {
    calendar.createEvent({ id: e.uid, summary: e.summary, description: `${e.description}\n\n${e.url}`, start: e.start, end: e.end, url: e.url, stamp: e.start });
  }
  return calendar.toString();
}
