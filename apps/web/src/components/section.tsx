import type { ReactNode } from "react";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

/** A titled card of a page (its title a level-2 heading), with actions beside the title. */
export function Section({ title, actions, className, children }: { title: string; actions?: ReactNode; className?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader className={actions === undefined ? undefined : "flex flex-row flex-wrap items-center justify-between gap-2"}>
        <CardTitle>
          <h2 className="text-base">{title}</h2>
        </CardTitle>
        {actions}
      </CardHeader>
      <CardContent className={className}>{children}</CardContent>
    </Card>
  );
}
