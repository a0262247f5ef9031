import { Outlet } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { Logo } from "./logo";

/** The frame of the screens shown without a session: one card, centred, readable at 390 px. */
export function PublicFrame({ children }: { children: ReactNode }) {
  return (
    <div className="bg-muted/40 flex min-h-svh flex-col items-center justify-center gap-6 p-4">
      <Logo />
      <main className="w-full max-w-sm">{children}</main>
    </div>
  );
}

/** The signed-out screens' route layout. */
export function PublicLayout() {
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}
