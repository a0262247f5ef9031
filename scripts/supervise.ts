import { spawn, type ChildProcess } from "node:child_process";
import type { Logger } from "@incidentops/core";

/** Restart delays after a child exits unexpectedly: 1 s doubling to 30 s, back to 1 s once it has run a minute. */
const RESTART_BASE_MS = 1_000;
const RESTART_MAX_MS = 30_000;
const STABLE_AFTER_MS = 60_000;
/** How long a child gets to finish after SIGTERM before it is killed. */
export const STOP_TIMEOUT_MS = 30_000;

export interface SupervisedChild {
  name: string;
  /** The running process's id; undefined while it is being restarted. */
  pid: () => number | undefined;
  /** SIGTERM, then SIGKILL after `timeoutMs`; no restart afterwards. */
  stop: (timeoutMs?: number) => Promise<void>;
}

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

const exitOf = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (hasExited(child)) resolve();
    else child.once("exit", () => resolve());
  });

/**
 * Runs `node <args>` and keeps it running: when it exits without being asked to (a crash, an
 * exit code, a kill -9), the exit and the restart are logged and it is started again after
 * 1 s, 2 s, 4 s ... up to 30 s (back to 1 s once it has stayed up a minute).
 */
export function superviseChild(options: { name: string; args: string[]; cwd: string; env: NodeJS.ProcessEnv; logger: Logger }): SupervisedChild {
  const { name, logger } = options;
  let child: ChildProcess | undefined;
  let restartTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  let stopping = false;

  const start = () => {
    const startedAt = Date.now();
    const current = spawn(process.execPath, options.args, { cwd: options.cwd, env: options.env, stdio: "inherit" });
    child = current;
    current.once("error", (error) => logger.error({ child: name, err: error }, `the ${name} could not be started`));
    current.once("spawn", () => logger.info({ child: name, pid: current.pid }, `started the ${name}`));
    current.once("exit", (code, signal) => {
      if (stopping) return;
      if (Date.now() - startedAt >= STABLE_AFTER_MS) failures = 0;
      const delayMs = Math.min(RESTART_BASE_MS * 2 ** failures, RESTART_MAX_MS);
      failures += 1;
      logger.error(
        { child: name, pid: current.pid, exitCode: code, signal, restartInMs: delayMs },
        `the ${name} exited unexpectedly (${signal ?? `exit code ${code}`}): restarting it in ${delayMs} ms`,
      );
      restartTimer = setTimeout(() => {
        restartTimer = undefined;
        if (!stopping) start();
      }, delayMs);
    });
  };
  start();

  return {
    name,
    pid: () => (child !== undefined && !hasExited(child) ? child.pid : undefined),
    stop: async (timeoutMs = STOP_TIMEOUT_MS) => {
      stopping = true;
      if (restartTimer !== undefined) clearTimeout(restartTimer);
      const current = child;
      if (current === undefined || hasExited(current)) return;
      current.kill("SIGTERM");
      const timer = setTimeout(() => {
        logger.warn({ child: name, pid: current.pid }, `the ${name} did not stop within ${timeoutMs} ms: killing it`);
        current.kill("SIGKILL");
      }, timeoutMs);
      await exitOf(current);
      clearTimeout(timer);
    },
  };
}
