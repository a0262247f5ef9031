import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, FileText, Trash2, Upload, X } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { ConfirmButton } from "@/components/confirm-button";
import { QueryState } from "@/components/page";
import { RelativeTime } from "@/components/relative-time";
import { Button } from "@/components/ui/button";
import { toApiError } from "@/lib/api-error";
import { roleAtLeast, type Attachment } from "@/lib/api-types";
import { toastApiError } from "@/lib/error-toast";
import { downloadFile, formatBytes, saveFile, uploadFile, uploadRefusal, type UploadProgress } from "@/lib/files";
import { useIdempotencyKeys } from "@/lib/idempotency-keys";
import { usePeople } from "@/lib/people";
import { useTRPC } from "@/lib/trpc";
import { useSession, useSessionManager } from "@/lib/use-session";
import { Panel } from "./panel";

interface Upload {
  fileName: string;
  progress: UploadProgress;
  abort: AbortController;
}

function UploadProgressBar({ upload }: { upload: Upload }) {
  const percent = upload.progress.total === 0 ? 0 : Math.round((upload.progress.loaded / upload.progress.total) * 100);
  return (
    <div className="space-y-1 py-2" aria-live="polite">
      <div className="flex items-center justify-between gap-2 text-xs">
        <span className="min-w-0 truncate">Uploading {upload.fileName}</span>
        <span className="text-muted-foreground tabular-nums">{percent}%</span>
        <Button variant="ghost" size="icon" className="size-6" aria-label={`Cancel the upload of ${upload.fileName}`} onClick={() => upload.abort.abort()}>
          <X className="size-3.5" aria-hidden />
        </Button>
      </div>
      <div className="bg-muted h-1.5 overflow-hidden rounded-full" role="progressbar" aria-label={`Upload of ${upload.fileName}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="bg-primary h-full transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}

/** Evidence kept with the incident (screenshots, logs): upload (members), download, delete (the uploader or an admin). */
export function AttachmentsPanel({ incidentId }: { incidentId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const session = useSessionManager();
  const { user, org } = useSession();
  const people = usePeople();
  const canUpload = roleAtLeast(org.role, "member");
  const limits = useQuery({ ...trpc.incidents.attachments.limits.queryOptions(), staleTime: Infinity, enabled: canUpload });
  const attachments = useInfiniteQuery(trpc.incidents.attachments.list.infiniteQueryOptions({ incidentId, limit: 100 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const remove = useMutation(trpc.incidents.attachments.delete.mutationOptions());
  const [upload, setUpload] = useState<Upload | null>(null);
  const uploadKeys = useIdempotencyKeys();
  const [refusal, setRefusal] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const items = attachments.data?.pages.flatMap((page) => page.items) ?? [];
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.incidents.attachments.list.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.incidents.events.pathKey() }),
    ]);

  const send = async (files: File[]) => {
    setRefusal(null);
    const maxBytes = limits.data?.maxBytes;
    for (const file of files) {
      const refused = maxBytes === undefined ? null : uploadRefusal(file, maxBytes);
      if (refused !== null) {
        setRefusal(refused);
        continue;
      }
      const abort = new AbortController();
      setUpload({ fileName: file.name, progress: { loaded: 0, total: file.size }, abort });
      try {
        await uploadFile<Attachment>(session, `/v1/incidents/${incidentId}/attachments`, file, {
          onProgress: (progress) => setUpload((u) => (u === null ? u : { ...u, progress })),
          signal: abort.signal,
          // The same file sent again after an answer that never came is attached once.
          idempotencyKey: uploadKeys.keyFor({ incidentId, name: file.name, size: file.size, lastModified: file.lastModified }),
        });
        uploadKeys.written();
        toast.success(`${file.name} attached`);
      } catch (error) {
        const apiError = toApiError(error);
        if (apiError.code !== "ABORTED") setRefusal(`${file.name}: ${apiError.message}`);
      }
    }
    setUpload(null);
    await refresh();
  };

  const download = async (attachment: Attachment) => {
    try {
      const { blob, fileName } = await downloadFile(session, attachment.downloadPath, attachment.fileName);
      saveFile(blob, fileName);
    } catch (error) {
      toastApiError(error);
    }
  };

  const destroy = async (attachment: Attachment) => {
    try {
      await remove.mutateAsync({ incidentId, attachmentId: attachment.id });
      toast.success(`${attachment.fileName} deleted`);
    } catch (error) {
      toastApiError(error);
    }
    await refresh();
  };

  const uploadButton = canUpload && (
    <>
      <input
        ref={input}
        id="attachment-file"
        type="file"
        multiple
        className="sr-only"
        tabIndex={-1}
        aria-hidden
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = "";
          void send(files);
        }}
      />
      <Button size="sm" variant="outline" className="h-7" onClick={() => input.current?.click()} disabled={upload !== null}>
        <Upload aria-hidden /> Upload
      </Button>
    </>
  );

  return (
    <Panel
      id="attachments"
      title="Attachments"
      description={canUpload && limits.data !== undefined ? `Screenshots, logs, exports: up to ${formatBytes(limits.data.maxBytes)} each.` : undefined}
      action={uploadButton}
    >
      {upload !== null && <UploadProgressBar upload={upload} />}
      {refusal !== null && (
        <p role="alert" className="text-destructive pb-2 text-xs">
          {refusal}
        </p>
      )}
      <QueryState query={attachments} rows={2} errorTitle="The attachments could not be loaded">
        {() =>
          items.length === 0 ? (
            <p className="text-muted-foreground text-sm">No attachment yet.</p>
          ) : (
            <ul className="divide-y" aria-label="Attachments">
              {items.map((attachment) => {
                const uploader = attachment.uploadedBy === null ? "an API key" : (people.data?.byId.get(attachment.uploadedBy)?.name ?? "a former member");
                const canDelete = roleAtLeast(org.role, "admin") || (canUpload && attachment.uploadedBy === user.id);
                return (
                  <li key={attachment.id} className="flex items-start gap-2 py-2">
                    <FileText className="text-muted-foreground mt-0.5 size-4 shrink-0" aria-hidden />
                    <div className="min-w-0 flex-1">
                      <p className="truncate text-sm font-medium" title={attachment.fileName}>
                        {attachment.fileName}
                      </p>
                      <p className="text-muted-foreground text-xs">
                        {formatBytes(attachment.sizeBytes)} · {uploader} · <RelativeTime iso={attachment.createdAt} />
                      </p>
                    </div>
                    <Button variant="ghost" size="icon" className="size-7" aria-label={`Download ${attachment.fileName}`} onClick={() => void download(attachment)}>
                      <Download className="size-3.5" aria-hidden />
                    </Button>
                    {canDelete && (
                      <ConfirmButton
                        label={<Trash2 aria-hidden />}
                        confirmLabel="Delete"
                        className="size-7"
                        ariaLabel={`Delete ${attachment.fileName}`}
                        title={`Delete ${attachment.fileName}?`}
                        description="The file is removed for good; the timeline keeps a line saying it was."
                        onConfirm={() => void destroy(attachment)}
                      />
                    )}
                  </li>
                );
              })}
            </ul>
          )
        }
      </QueryState>
      {attachments.hasNextPage && (
        <Button variant="outline" size="sm" className="mt-2" onClick={() => void attachments.fetchNextPage()}>
          Load more
        </Button>
      )}
    </Panel>
  );
}
