import { useQuery } from "@tanstack/react-query";
import { Link, Outlet, useNavigate } from "@tanstack/react-router";
import { Building2, Check, ChevronsUpDown, LogOut, Menu, UserRound } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { roleAtLeast } from "@/lib/api-types";
import { toastApiError } from "@/lib/error-toast";
import { useLiveIncidentUpdates, type LiveStatus } from "@/lib/live";
import { useTRPC } from "@/lib/trpc";
import { useSession, useSessionManager } from "@/lib/use-session";
import { cn } from "@/lib/utils";
import { Logo } from "./logo";
import { NAV } from "./nav";

function Navigation({ onNavigate }: { onNavigate?: () => void }) {
  const { org } = useSession();
  return (
    <nav aria-label="Main" className="flex flex-col gap-5 px-3 py-4">
      {NAV.map((group) => {
        const items = group.items.filter((item) => item.least === undefined || roleAtLeast(org.role, item.least));
        if (items.length === 0) return null;
        return (
          <div key={group.label}>
            <p className="text-muted-foreground px-2 pb-1 text-xs font-medium">{group.label}</p>
            <ul className="space-y-0.5">
              {items.map(({ to, label, icon: Icon }) => (
                <li key={to}>
                  <Link
                    to={to}
                    onClick={onNavigate}
                    className="hover:bg-sidebar-accent focus-visible:ring-ring/50 flex h-8 items-center gap-2 rounded-md px-2 text-sm outline-none focus-visible:ring-[3px]"
                    activeProps={{ className: "bg-sidebar-accent font-medium", "aria-current": "page" }}
                  >
                    <Icon className="size-4" aria-hidden />
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </nav>
  );
}

function OrgSwitcher() {
  const trpc = useTRPC();
  const manager = useSessionManager();
  const { org } = useSession();
  const navigate = useNavigate();
  const me = useQuery(trpc.auth.me.queryOptions());
  const switchTo = async (orgId: string) => {
    try {
      await manager.switchOrg(orgId);
      await navigate({ to: "/incidents" });
    } catch (error) {
      toastApiError(error);
    }
  };
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" className="w-full justify-between px-2" aria-label={`Organisation: ${org.name}. Switch organisation`}>
          <span className="flex min-w-0 items-center gap-2">
            <Building2 className="size-4 shrink-0" aria-hidden />
            <span className="truncate">{org.name}</span>
          </span>
          <ChevronsUpDown className="size-4 opacity-60" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-60">
        <DropdownMenuLabel>Switch organisation</DropdownMenuLabel>
        {(me.data?.memberships ?? [org]).map((membership) => (
          <DropdownMenuItem key={membership.id} onSelect={() => void switchTo(membership.id)} disabled={membership.id === org.id}>
            <span className="truncate">{membership.name}</span>
            <span className="text-muted-foreground ml-auto text-xs">{membership.role}</span>
            {membership.id === org.id && <Check className="size-4" aria-label="current" />}
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/organisations">All organisations…</Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

function UserMenu() {
  const { user } = useSession();
  const manager = useSessionManager();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Account: ${user.name}`}>
          <span className="bg-primary text-primary-foreground flex size-6 items-center justify-center rounded-full text-xs font-semibold" aria-hidden>
            {user.name.slice(0, 1).toUpperCase()}
          </span>
          <span className="hidden max-w-40 truncate sm:inline">{user.name}</span>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-56">
        <DropdownMenuLabel className="font-normal">
          <p className="truncate text-sm font-medium">{user.name}</p>
          <p className="text-muted-foreground truncate text-xs">{user.email}</p>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link to="/profile">
            <UserRound aria-hidden /> My profile
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={() => void manager.signOut()}>
          <LogOut aria-hidden /> Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

const LIVE_LABEL: Record<LiveStatus, string> = { live: "Live", connecting: "Connecting…", reconnecting: "Reconnecting…", outdated: "Not live: reload the page" };

function LiveIndicator({ status }: { status: LiveStatus }) {
  return (
    <span role="status" aria-live="polite" className="text-muted-foreground inline-flex items-center gap-1.5 text-xs" data-live-status={status}>
      <span
        className={cn("size-2 rounded-full", status === "live" ? "bg-emerald-500" : status === "outdated" ? "bg-destructive" : "animate-pulse bg-amber-500")}
        aria-hidden
      />
      {status === "outdated" ? (
        <button type="button" className="underline underline-offset-2" onClick={() => window.location.reload()}>
          {LIVE_LABEL[status]}
        </button>
      ) : (
        LIVE_LABEL[status]
      )}
    </span>
  );
}

/** The signed-in frame: navigation (a sheet under 768 px), the org and account menus, the live status. */
export function AppShell() {
  const [menuOpen, setMenuOpen] = useState(false);
  const live = useLiveIncidentUpdates();
  return (
    <div className="flex min-h-svh">
      <a href="#main" className="bg-background sr-only z-50 rounded px-3 py-2 focus:not-sr-only focus:fixed focus:top-2 focus:left-2">
        Skip to content
      </a>
      <aside className="bg-sidebar border-sidebar-border sticky top-0 hidden h-svh w-60 shrink-0 flex-col border-r md:flex">
        <div className="flex h-14 items-center px-5">
          <Logo />
        </div>
        <div className="px-3">
          <OrgSwitcher />
        </div>
        <div className="flex-1 overflow-y-auto">
          <Navigation />
        </div>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="bg-background/95 sticky top-0 z-20 flex h-14 items-center gap-2 border-b px-3 backdrop-blur md:px-6">
          <Sheet open={menuOpen} onOpenChange={setMenuOpen}>
            <SheetTrigger asChild>
              <Button variant="ghost" size="icon" className="md:hidden" aria-label="Open navigation">
                <Menu aria-hidden />
              </Button>
            </SheetTrigger>
            <SheetContent side="left" className="w-72 p-0">
              <SheetHeader className="border-b">
                <SheetTitle>
                  <Logo />
                </SheetTitle>
                <SheetDescription className="sr-only">Navigation</SheetDescription>
              </SheetHeader>
              <div className="px-3 pt-3">
                <OrgSwitcher />
              </div>
              <Navigation onNavigate={() => setMenuOpen(false)} />
            </SheetContent>
          </Sheet>
          <div className="md:hidden">
            <Logo />
          </div>
          <div className="ml-auto flex items-center gap-3">
            <LiveIndicator status={live} />
            <UserMenu />
          </div>
        </header>
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-3 py-5 md:px-6">
          <Outlet />
        </main>
      </div>
    </div>
  );
}
