import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, Circle, Plus } from "lucide-react";
import { useState } from "react";
import { QueryState } from "@/components/page";
import { PersonSelect } from "@/components/person-select";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { messageOf } from "@/lib/api-error";
import type { Task } from "@/lib/api-types";
import { toastApiError } from "@/lib/error-toast";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useTRPC, useTRPCClient } from "@/lib/trpc";
import { cn } from "@/lib/utils";
import { InlineError, InlineForm, Panel } from "./panel";

function useTasks(incidentId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const tasks = useInfiniteQuery(trpc.incidents.tasks.list.infiniteQueryOptions({ incidentId, limit: 200 }, { getNextPageParam: (page) => page.nextCursor ?? undefined }));
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.incidents.tasks.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.incidents.events.pathKey() }),
    ]);
  return { tasks, refresh };
}

function TaskRow({ task, canEdit, onChange }: { task: Task; canEdit: boolean; onChange: (change: { done?: boolean; assigneeId?: string | null }) => Promise<void> }) {
  return (
    <li className="flex items-start gap-2 py-2" data-task-done={task.done}>
      {canEdit ? (
        <Checkbox className="mt-0.5" checked={task.done} onCheckedChange={(on) => void onChange({ done: on === true })} aria-label={`Done: ${task.title}`} />
      ) : task.done ? (
        <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-emerald-700 dark:text-emerald-300" aria-label="done" />
      ) : (
        <Circle className="text-muted-foreground mt-0.5 size-4 shrink-0" aria-label="open" />
      )}
      <div className="min-w-0 flex-1 space-y-1">
        <p className={cn("text-sm break-words", task.done && "text-muted-foreground line-through")}>{task.title}</p>
        {canEdit ? (
          <PersonSelect
            value={task.assignee?.id ?? null}
            current={task.assignee}
            onChange={(assigneeId) => void onChange({ assigneeId })}
            label={`Assignee of ${task.title}`}
            nobody="Unassigned"
          />
        ) : (
          <p className="text-muted-foreground text-xs">{task.assignee?.name ?? "Unassigned"}</p>
        )}
      </div>
    </li>
  );
}

function NewTaskForm({ incidentId, onAdded }: { incidentId: string; onAdded: () => Promise<unknown> }) {
  // Added again after an answer that never came, the task is not added twice.
  const create = useKeyedMutation(useTRPCClient().incidents.tasks.create.mutate);
  const [title, setTitle] = useState("");
  const [assigneeId, setAssigneeId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (title.trim() === "") {
      setError("Say what needs doing");
      return;
    }
    try {
      await create.mutateAsync({ incidentId, title, ...(assigneeId === null ? {} : { assigneeId }) });
      setTitle("");
      setAssigneeId(null);
      setError(null);
      await onAdded();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <InlineForm onSubmit={submit}>
      <label htmlFor="new-task-title" className="sr-only">
        New task
      </label>
      <Input id="new-task-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Add a task…" aria-invalid={error !== null} aria-describedby={error === null ? undefined : "new-task-error"} />
      <InlineError id="new-task-error" error={error} />
      <div className="flex items-center gap-2">
        <PersonSelect value={assigneeId} onChange={setAssigneeId} label="Assignee of the new task" nobody="Unassigned" className="h-8 min-w-0 flex-1" />
        <Button type="submit" size="sm" variant="secondary" disabled={create.isPending}>
          <Plus aria-hidden /> Add task
        </Button>
      </div>
    </InlineForm>
  );
}

/** The incident's tasks: what needs doing and who does it; members add, assign and tick them off. */
export function TasksPanel({ incidentId, canEdit }: { incidentId: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const update = useMutation(trpc.incidents.tasks.update.mutationOptions());
  const { tasks, refresh } = useTasks(incidentId);
  const items = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  const done = items.filter((task) => task.done).length;
  const change = async (task: Task, change: { done?: boolean; assigneeId?: string | null }) => {
    try {
      await update.mutateAsync({ incidentId, taskId: task.id, ...change });
    } catch (error) {
      toastApiError(error);
    }
    await refresh();
  };
  return (
    <Panel id="tasks" title="Tasks" action={items.length > 0 && <span className="text-muted-foreground text-xs font-normal tabular-nums">{done}/{items.length} done</span>}>
      <QueryState query={tasks} rows={2} errorTitle="The tasks could not be loaded">
        {() =>
          (
            <>
              {items.length === 0 ? (
                <p className="text-muted-foreground pb-2 text-sm">No tasks yet.{canEdit && " Split the work: add what needs doing and who does it."}</p>
              ) : (
                <ul className="divide-y" aria-label="Tasks">
                  {items.map((task) => (
                    <TaskRow key={task.id} task={task} canEdit={canEdit} onChange={(c) => change(task, c)} />
                  ))}
                </ul>
              )}
              {tasks.hasNextPage && (
                <Button variant="outline" size="sm" className="my-2" onClick={() => void tasks.fetchNextPage()}>
                  Load more
                </Button>
              )}
              {canEdit && <NewTaskForm incidentId={incidentId} onAdded={refresh} />}
            </>
          )
        }
      </QueryState>
    </Panel>
  );
}
