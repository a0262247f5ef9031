import type { ComponentProps } from "react";
import { Pencil, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";

/** The trigger of a dialog that creates something ("New team") or edits one ("Edit"); the rest of its props go to the button (a Radix trigger passes its own). */
export function CreateOrEditButton({ creating, createLabel, ...props }: { creating: boolean; createLabel: string } & ComponentProps<typeof Button>) {
  return creating ? (
    <Button {...props}>
      <Plus aria-hidden /> {createLabel}
    </Button>
  ) : (
    <Button variant="outline" {...props}>
      <Pencil aria-hidden /> Edit
    </Button>
  );
}
