import { DownloadTextButton } from "@/components/download-text-button";
import { markdownFileName } from "@/lib/postmortem";
import { useTRPCClient } from "@/lib/trpc";

/** "Download Markdown": the postmortem as the API renders it (GET .../postmortem.md), saved as a file. */
export function DownloadMarkdownButton({ incidentId, title, size = "sm" }: { incidentId: string; title: string; size?: "sm" | "default" }) {
  const client = useTRPCClient();
  return (
    <DownloadTextButton
      label="Download Markdown"
      fetchText={() => client.incidents.postmortem.markdown.query({ incidentId })}
      fileName={markdownFileName(title)}
      type="text/markdown;charset=utf-8"
      size={size}
    />
  );
}
