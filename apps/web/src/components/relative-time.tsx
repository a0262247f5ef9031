import { formatDateTime, timeAgo } from "@/lib/format";
import { useNow } from "@/lib/use-now";

/** "5 min. ago", with the exact time as its title and machine-readable datetime; kept true every 30 s. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow(30_000);
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={className}>
      {timeAgo(iso, now)}
    </time>
  );
}
