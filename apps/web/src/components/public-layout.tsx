import { Outlet } from "@tanstack/react-router";
import { Logo } from "./logo";

/** The signed-out screens: one card, centred, readable at 390 px. */
export function PublicLayout() {
  return (
    <div className="bg-muted/40 flex min-h-svh flex-col items-center justify-center gap-6 p-4">
      <Logo />
      <main className="w-full max-w-sm">
        <Outlet />
      </main>
    </div>
  );
}
