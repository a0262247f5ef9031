import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";

/** The state of a dialog that creates something, then shows what the API returns only once (a secret, a link). */
export function useSecretDialog(reset: () => void) {
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setShown(null);
      reset();
    }
  };
  return { open, shown, show: setShown, onOpenChange };
}

/** The form (children) until something is created, then `result(shown)` and a Done button. */
export function SecretDialog({
  state,
  trigger,
  title,
  description,
  result,
  children,
}: {
  state: ReturnType<typeof useSecretDialog>;
  trigger: ReactNode;
  title: string;
  description: ReactNode;
  result: (shown: string) => ReactNode;
  children: ReactNode;
}) {
  return (
    <Dialog open={state.open} onOpenChange={state.onOpenChange}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        {state.shown === null ? (
          children
        ) : (
          <div className="space-y-4">
            {result(state.shown)}
            <DialogFooter>
              <Button onClick={() => state.onOpenChange(false)}>Done</Button>
            </DialogFooter>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
