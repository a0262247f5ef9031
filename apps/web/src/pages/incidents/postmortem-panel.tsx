import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { FileText } from "lucide-react";
import { QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { postmortemStage, STAGE_LABEL } from "@/lib/postmortem";
import { useTRPC } from "@/lib/trpc";
import { cn } from "@/lib/utils";
import { Panel } from "./panel";
import { DownloadMarkdownButton } from "./postmortem-download";

const STAGE_STYLE = {
  "not started": "text-muted-foreground",
  draft: "text-amber-800 dark:text-amber-300",
  published: "text-emerald-700 dark:text-emerald-300",
} as const;

function PostmortemStage({ stage, updatedAt }: { stage: ReturnType<typeof postmortemStage>; updatedAt: string | null }) {
  return (
    <p className="text-sm" data-postmortem-stage={stage}>
      <span className={cn("font-medium", STAGE_STYLE[stage])}>{STAGE_LABEL[stage]}</span>
      {updatedAt !== null && (
        <span className="text-muted-foreground">
          {" "}
          · saved <RelativeTime iso={updatedAt} />
        </span>
      )}
      {stage === "not started" && <span className="text-muted-foreground block text-xs">A draft is ready, pre-filled from the incident and its open tasks.</span>}
    </p>
  );
}

/** The resolved incident's postmortem at a glance: where it stands, the way to the editor, the Markdown. */
export function PostmortemPanel({ incidentId, title, canWrite }: { incidentId: string; title: string; canWrite: boolean }) {
  const trpc = useTRPC();
  const postmortem = useQuery(trpc.incidents.postmortem.get.queryOptions({ incidentId }));
  return (
    <Panel id="postmortem" title="Postmortem">
      <QueryState query={postmortem} rows={1} errorTitle="The postmortem could not be loaded">
        {(loaded) =>
          (
            <div className="space-y-3">
              <PostmortemStage stage={postmortemStage(loaded)} updatedAt={loaded.updatedAt} />
              <div className="flex flex-wrap gap-2">
                <Button asChild size="sm">
                  <Link to="/incidents/$incidentId/postmortem" params={{ incidentId }}>
                    <FileText aria-hidden />
                    {canWrite ? (loaded.version === 0 ? "Write postmortem" : "Edit postmortem") : "Read postmortem"}
                  </Link>
                </Button>
                <DownloadMarkdownButton incidentId={incidentId} title={title} />
              </div>
            </div>
          )
        }
      </QueryState>
    </Panel>
  );
}
