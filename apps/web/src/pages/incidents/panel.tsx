import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

/** A card of the incident page's side column: a titled region with its content. */
export function Panel({ id, title, description, action, children }: { id: string; title: string; description?: ReactNode; action?: ReactNode; children: ReactNode }) {
  return (
    <Card className="gap-2 py-4" role="region" aria-labelledby={`${id}-heading`}>
      <CardHeader className="px-4">
        <CardTitle className="flex items-center justify-between gap-2">
          <h2 id={`${id}-heading`} className="text-sm">
            {title}
          </h2>
          {action}
        </CardTitle>
        {description !== undefined && <CardDescription className="text-xs">{description}</CardDescription>}
      </CardHeader>
      <CardContent className="px-4">{children}</CardContent>
    </Card>
  );
}

/** A small form of the incident page (add a task, post an update, edit the title): submitted in place, checked by the API. */
export function InlineForm({ onSubmit, className = "space-y-2 border-t pt-3", children }: { onSubmit: () => Promise<void>; className?: string; children: ReactNode }) {
  return (
    <form
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
      noValidate
    >
      {children}
    </form>
  );
}

/** The refusal under an inline form's field; `id` is what the field's aria-describedby names. */
export function InlineError({ id, error }: { id: string; error: string | null }) {
  if (error === null) return null;
  return (
    <p id={id} className="text-destructive text-xs">
      {error}
    </p>
  );
}
