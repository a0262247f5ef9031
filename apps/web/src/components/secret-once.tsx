import { TriangleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { CopyButton } from "./copy-button";

/** A secret the API shows this once (API key, signing secret, invitation link). */
export function SecretOnce({ label, value }: { label: string; value: string }) {
  return (
    <Alert>
      <TriangleAlert aria-hidden />
      <AlertTitle>{label}: copy it now</AlertTitle>
      <AlertDescription>
        <p>It is shown only this once.</p>
        <div className="mt-2 flex w-full items-center gap-2">
          <code className="bg-muted min-w-0 flex-1 rounded px-2 py-1 font-mono text-xs break-all" aria-label={label}>
            {value}
          </code>
          <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
        </div>
      </AlertDescription>
    </Alert>
  );
}
