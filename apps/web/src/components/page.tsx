import type { ReactNode } from "react";
import { AlertCircle, Inbox } from "lucide-react";
import { ResourceNotFound } from "@/components/not-found";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { toApiError } from "@/lib/api-error";
import { cn } from "@/lib/utils";

export function PageHeader({ title, description, actions }: { title: ReactNode; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="flex flex-wrap items-start justify-between gap-3 pb-4">
      <div className="min-w-0">
        <h1 className="text-xl font-semibold tracking-tight">{title}</h1>
        {description !== undefined && <p className="text-muted-foreground mt-1 text-sm">{description}</p>}
      </div>
      {actions !== undefined && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </div>
  );
}

/**
 * An API error as its message (the API's words), announced to screen readers. An answer this
 * build of the app does not know (CONTRACT_MISMATCH) offers the reload that mends it.
 */
export function ErrorAlert({ error, title = "That did not work", className }: { error: unknown; title?: string; className?: string }) {
  if (error === null || error === undefined) return null;
  const { code, message } = toApiError(error);
  return (
    <Alert variant="destructive" className={className}>
      <AlertCircle aria-hidden />
      <AlertTitle>{title}</AlertTitle>
      <AlertDescription>
        {message}
        {code === "CONTRACT_MISMATCH" && (
          <Button variant="outline" size="sm" className="mt-2" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        )}
      </AlertDescription>
    </Alert>
  );
}

/** A detail page's failed read: its 404 page when the thing does not exist here (or its id is malformed), else the error. */
export function ReadError({ error, what, title }: { error: unknown; what: string; title?: string }) {
  const code = toApiError(error).code;
  if (code === "NOT_FOUND" || code === "VALIDATION_FAILED") return <ResourceNotFound what={what} />;
  return <ErrorAlert error={error} {...(title === undefined ? {} : { title })} />;
}

export function EmptyState({ title, children, className }: { title: string; children?: ReactNode; className?: string }) {
  return (
    <div className={cn("flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed px-6 py-12 text-center", className)}>
      <Inbox className="text-muted-foreground size-8" aria-hidden />
      <p className="font-medium">{title}</p>
      {children !== undefined && <div className="text-muted-foreground max-w-md text-sm">{children}</div>}
    </div>
  );
}

/**
 * A query's content in its place: skeleton rows while it loads, its error if it failed, else what
 * `children` makes of its data (an empty state included: only the page knows how to word it).
 */
export function QueryState<TData>({
  query,
  rows,
  errorTitle,
  children,
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; data: TData | undefined };
  rows?: number;
  errorTitle?: string;
  children: (data: TData) => ReactNode;
}) {
  if (query.isError) return <ErrorAlert error={query.error} {...(errorTitle === undefined ? {} : { title: errorTitle })} />;
  if (query.isPending || query.data === undefined) return <LoadingRows rows={rows} />;
  return children(query.data);
}

export function LoadingRows({ rows = 5 }: { rows?: number }) {
  return (
    <div role="status" className="space-y-2" aria-busy="true" aria-label="Loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} className="h-10 w-full" />
      ))}
    </div>
  );
}
