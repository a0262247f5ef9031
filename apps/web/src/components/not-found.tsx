import { Link } from "@tanstack/react-router";
import { Button } from "@/components/ui/button";

export function NotFound({ what = "page" }: { what?: string }) {
  return (
    <div className="flex flex-col items-center gap-3 py-16 text-center">
      <p className="text-muted-foreground font-mono text-sm">404</p>
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="text-muted-foreground max-w-sm text-sm">
        This {what} does not exist, or it belongs to an organisation you are not signed in to.
      </p>
      <Button asChild variant="outline">
        <Link to="/incidents">Go to incidents</Link>
      </Button>
    </div>
  );
}
