/** Alerts are kept on the timeline as received, up to this size; larger ones are summarised. */
export const MAX_RAW_ALERT_BYTES = 16 * 1024;

/** The alert as stored: itself, or a note of its size when it is too large to keep whole. */
export function keepRaw(alert: unknown): unknown {
  const text = JSON.stringify(alert);
  const bytes = Buffer.byteLength(text);
  return bytes <= MAX_RAW_ALERT_BYTES ? alert : { truncated: true, bytes, head: text.slice(0, 1024) };
}
