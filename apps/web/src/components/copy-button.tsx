import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";

/** Copies `value`; `label` names what is copied ("Copy routing key"). */
export function CopyButton({ value, label, size = "sm" }: { value: string; label: string; size?: "sm" | "icon-sm" }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      toast.error("The browser refused the clipboard: select the text and copy it");
    }
  };
  return (
    <Button type="button" variant="outline" size={size} onClick={() => void copy()} aria-label={label}>
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {size === "sm" && (copied ? "Copied" : "Copy")}
    </Button>
  );
}
