import { useEffect, useState } from "react";
import { formatDateTime, timeAgo } from "@/lib/format";

/** Subscribes to a shared clock ticking every 30 s, so ages stay true without a reload. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** "5 min. ago", with the exact time as its title and machine-readable datetime. */
export function RelativeTime({ iso, className }: { iso: string; className?: string }) {
  const now = useNow();
  return (
    <time dateTime={iso} title={formatDateTime(iso)} className={className}>
      {timeAgo(iso, now)}
    </time>
  );
}
