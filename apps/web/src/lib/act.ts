import { toast } from "sonner";
import { toastApiError } from "./error-toast";

/** Runs an action a person clicked: `done` as a toast when it worked, the API's words when not. Whether it worked. */
export async function act(work: () => Promise<unknown>, done: string): Promise<boolean> {
  try {
    await work();
    toast.success(done);
    return true;
  } catch (error) {
    toastApiError(error);
    return false;
  }
}
