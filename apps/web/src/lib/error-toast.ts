import { toast } from "sonner";
import { toApiError } from "./api-error";

/**
 * A failed action's error as a toast, in the API's words. An answer this build of the app does
 * not know (CONTRACT_MISMATCH) stays until dismissed and offers the reload that mends it, as the
 * error alerts do.
 */
export function toastApiError(error: unknown): void {
  const { code, message } = toApiError(error);
  if (code !== "CONTRACT_MISMATCH") {
    toast.error(message);
    return;
  }
  toast.error(message, { duration: Number.POSITIVE_INFINITY, action: { label: "Reload the page", onClick: () => window.location.reload() } });
}
