import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "./trpc";
import { useSession } from "./use-session";

/** The viewer's time zone (their profile's, not the browser's): every on-call time is read on it. */
export function useViewerZone(): string {
  const trpc = useTRPC();
  const { user } = useSession();
  const me = useQuery({ ...trpc.auth.me.queryOptions(), staleTime: 60_000 });
  return me.data?.user.timeZone ?? user.timeZone;
}
