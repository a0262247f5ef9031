import { FileDown, Loader2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { toApiError } from "@/lib/api-error";
import { saveText } from "@/lib/files";
import { markdownFileName } from "@/lib/postmortem";
import { useTRPCClient } from "@/lib/trpc";

/** "Download Markdown": the postmortem as the API renders it (GET .../postmortem.md), saved as a file. */
export function DownloadMarkdownButton({ incidentId, title, size = "sm" }: { incidentId: string; title: string; size?: "sm" | "default" }) {
  const client = useTRPCClient();
  const [pending, setPending] = useState(false);
  const download = async () => {
    setPending(true);
    try {
      const markdown = await client.incidents.postmortem.markdown.query({ incidentId });
      saveText(markdown, markdownFileName(title), "text/markdown;charset=utf-8");
    } catch (error) {
      toast.error(toApiError(error).message);
    } finally {
      setPending(false);
    }
  };
  return (
    <Button variant="outline" size={size} onClick={() => void download()} disabled={pending}>
      {pending ? <Loader2 className="animate-spin" aria-hidden /> : <FileDown aria-hidden />}
      Download Markdown
    </Button>
  );
}
