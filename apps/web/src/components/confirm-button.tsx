import type { ReactNode } from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";

/** A destructive action behind a confirmation: `label` names the button and the confirming action. */
export function ConfirmButton({
  label,
  title,
  description,
  onConfirm,
  size = "sm",
  ariaLabel,
  confirmLabel,
  className,
  onOpenChange,
  canConfirm = true,
}: {
  label: ReactNode;
  /** The confirming action's words, when `label` is only an icon. */
  confirmLabel?: ReactNode;
  className?: string;
  title: string;
  description: ReactNode;
  onConfirm: () => void;
  size?: "sm" | "default";
  ariaLabel?: string;
  /** Told when the confirmation opens and closes (say, to load what `description` shows). */
  onOpenChange?: (open: boolean) => void;
  /** False: the confirmation offers only Cancel (the description says why), or waits for what it shows. */
  canConfirm?: boolean;
}) {
  return (
    <AlertDialog onOpenChange={onOpenChange}>
      <AlertDialogTrigger asChild>
        <Button variant="outline" size={size} aria-label={ariaLabel} className={className}>
          {label}
        </Button>
      </AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>Cancel</AlertDialogCancel>
          <AlertDialogAction onClick={onConfirm} disabled={!canConfirm} className="bg-destructive hover:bg-destructive/90 text-white">
            {confirmLabel ?? label}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}

/** "Delete" for the thing a page shows, behind "Delete {name}?". */
export function DeleteButton({ name, description, onConfirm }: { name: string; description: ReactNode; onConfirm: () => void }) {
  return <ConfirmButton label="Delete" size="default" ariaLabel={`Delete ${name}`} title={`Delete ${name}?`} description={description} onConfirm={onConfirm} />;
}
