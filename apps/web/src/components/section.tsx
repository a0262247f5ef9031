import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** A titled card of a page (its title a level-2 heading), with actions beside the title and an optional description under it. */
export function Section({
  title,
  description,
  actions,
  className,
  children,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Card>
      <CardHeader className={actions === undefined ? undefined : "flex flex-row flex-wrap items-center justify-between gap-2"}>
        <CardTitle>
          <h2 className="text-base">{title}</h2>
        </CardTitle>
        {description !== undefined && <CardDescription>{description}</CardDescription>}
        {actions}
      </CardHeader>
      <CardContent className={className}>{children}</CardContent>
    </Card>
  );
}
