import { zodResolver } from "@hookform/resolvers/zod";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { FormError } from "@/components/form-error";
import { TextField } from "@/components/text-field";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { showApiError } from "@/lib/api-form";
import { useSessionManager } from "@/lib/use-session";
import { AuthCard } from "./auth-card";

const schema = z.object({ name: z.string().trim(), password: z.string().min(1, "Enter a password") });
const route = getRouteApi("/_public/accept-invitation");

/** The emailed link: /accept-invitation?token=... A new person names themselves and chooses a password; someone with an account gives theirs. */
export function AcceptInvitationPage() {
  const { token } = route.useSearch();
  const session = useSessionManager();
  const navigate = useNavigate();
  const form = useForm({ resolver: zodResolver(schema), defaultValues: { name: "", password: "" } });
  const onSubmit = form.handleSubmit(async ({ name, password }) => {
    try {
      await session.signIn("accept-invitation", { token, password, ...(name === "" ? {} : { name }) });
      await navigate({ to: "/incidents" });
    } catch (error) {
      showApiError(form, error, ["name", "password"]);
    }
  });
  if (token === undefined || token === "") {
    return (
      <AuthCard title="Join your team">
        <p className="text-sm">This link has no token: open the link from the invitation email again.</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Join your team"
      description="You were invited to an organisation on IncidentOps."
      footer={
        <Link to="/sign-in" className="underline underline-offset-4">
          Sign in instead
        </Link>
      }
    >
      <Form {...form}>
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
          <TextField control={form.control} name="name" label="Name" autoComplete="name" description="Leave it empty if you already have an account" autoFocus />
          <TextField
            control={form.control}
            name="password"
            label="Password"
            type="password"
            autoComplete="new-password"
            description="A new one (8 characters or more), or your account's"
          />
          <FormError errors={form.formState.errors} />
          <Button type="submit" className="w-full" disabled={form.formState.isSubmitting}>
            Accept invitation
          </Button>
        </form>
      </Form>
    </AuthCard>
  );
}
