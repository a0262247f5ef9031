import { toast } from "sonner";
import { toApiError } from "./api-error";

/** Runs an action a person clicked: `done` as a toast when it worked, the API's words when not. Whether it worked. */
export async function act(work: () => Promise<unknown>, done: string): Promise<boolean> {
  try {
    await work();
    toast.success(done);
    return true;
  } catch (error) {
    toast.error(toApiError(error).message);
    return false;
  }
}
