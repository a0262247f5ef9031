import type { FieldErrors } from "react-hook-form";
import { AlertCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";

/** The form's own error (not a field's): what the API said. */
export function FormError({ errors }: { errors: FieldErrors }) {
  const message = errors.root?.server?.message;
  if (message === undefined) return null;
  return (
    <p role="alert" className="text-destructive flex items-start gap-2 text-sm">
      <AlertCircle className="mt-0.5 size-4 shrink-0" aria-hidden />
      <span>{message}</span>
    </p>
  );
}

/** The end of a dialog's form: its own error, then the submit button (disabled while it submits). */
export function DialogFormEnd({ state, label }: { state: { errors: FieldErrors; isSubmitting: boolean }; label: string }) {
  return (
    <>
      <FormError errors={state.errors} />
      <DialogFooter>
        <Button type="submit" disabled={state.isSubmitting}>
          {label}
        </Button>
      </DialogFooter>
    </>
  );
}
