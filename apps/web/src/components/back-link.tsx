import { Link, type LinkProps } from "@tanstack/react-router";
import { ArrowLeft } from "lucide-react";

/** "← Schedules": back to the list a detail page belongs to. */
export function BackLink({ to, children }: { to: LinkProps["to"]; children: string }) {
  return (
    <Link to={to} className="text-muted-foreground inline-flex items-center gap-1 text-sm hover:underline">
      <ArrowLeft className="size-4" aria-hidden /> {children}
    </Link>
  );
}
