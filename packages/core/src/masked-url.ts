/**
 * A webhook URL as it may be shown: its scheme and host, the rest masked. A chat webhook's path or
 * query is its credential (Slack, Teams, Discord, Mattermost), and a person's own webhook is theirs.
 */
export function maskUrl(url: string): string {
  const { protocol, host } = new URL(url);
  return `${protocol}//${host}/****`;
}
