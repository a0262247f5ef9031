import { zodResolver } from "@hookform/resolvers/zod";
import { useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { showApiError } from "@/lib/api-form";
import { useKeyedMutation } from "@/lib/idempotency-keys";
import { useTRPC, useTRPCClient } from "@/lib/trpc";

const schema = z.object({ body: z.string().trim().min(1, "Write something first").max(10_000) });

export function CommentForm({ incidentId }: { incidentId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // Sent again after an answer that never came, the comment is not posted twice.
  const comment = useKeyedMutation(useTRPCClient().incidents.comment.mutate);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { body: "" } });
  const onSubmit = form.handleSubmit(async ({ body }) => {
    try {
      await comment.mutateAsync({ incidentId, body });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: trpc.incidents.events.pathKey() });
    } catch (error) {
      showApiError(form, error, ["body"]);
    }
  });
  return (
    <Form {...form}>
      <form onSubmit={(e) => void onSubmit(e)} className="space-y-2" noValidate>
        <FormField
          control={form.control}
          name="body"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Comment</FormLabel>
              <FormControl>
                <Textarea
                  rows={3}
                  placeholder="What did you find, what are you trying? Markdown works: **bold**, `code`, lists, links. (Ctrl+Enter to send)"
                  {...field}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void onSubmit();
                  }}
                />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <FormError errors={form.formState.errors} />
        <div className="flex justify-end">
          <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting}>
            Comment
          </Button>
        </div>
      </form>
    </Form>
  );
}
