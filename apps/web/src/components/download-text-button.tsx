import { FileDown, Loader2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toastApiError } from "@/lib/error-toast";
import { saveText } from "@/lib/files";

/** A button that fetches a text the API renders (a CSV, a Markdown document) and saves it as `fileName`; a refusal is a toast. */
export function DownloadTextButton({
  label,
  fetchText,
  fileName,
  type,
  size = "default",
  disabled = false,
}: {
  label: string;
  fetchText: () => Promise<string>;
  fileName: string;
  /** Its media type: "text/csv;charset=utf-8". */
  type: string;
  size?: "sm" | "default";
  disabled?: boolean;
}) {
  const [pending, setPending] = useState(false);
  const download = async () => {
    setPending(true);
    try {
      saveText(await fetchText(), fileName, type);
    } catch (error) {
      toastApiError(error);
    } finally {
      setPending(false);
    }
  };
  return (
    <Button variant="outline" size={size} onClick={() => void download()} disabled={pending || disabled}>
      {pending ? <Loader2 className="animate-spin" aria-hidden /> : <FileDown aria-hidden />}
      {label}
    </Button>
  );
}
