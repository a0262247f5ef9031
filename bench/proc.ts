/**
 * Resource use of the benchmark's children from /proc (Linux; null elsewhere): CPU time spent
 * (user + system) and resident memory, without a dependency.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return ticksPerSecond;
}

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

/**
 * The fields of /proc/<pid>/stat after the command name (which may hold spaces) in parentheses:
 * [0] is the state (field 3), [1] the parent (4), [11] and [12] user and system time (14, 15),
 * [13] and [14] those of reaped children (16, 17). Null for a process that is gone.
 */
function statFields(pid: number | string): string[] | null {
  const stat = read(`/proc/${pid}/stat`);
  return stat === null ? null : stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

/** CPU time the process has used so far, user + system, ms. */
export function cpuMs(pid: number | undefined): number | null {
  const fields = pid === undefined ? null : statFields(pid);
  return fields === null ? null : ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

/**
 * CPU time a process and every process under it have used so far, ms: PostgreSQL's server
 * process with its backends, whose work on the application's statements (parsing, planning,
 * running, committing) is what the figure is for. A child that has exited counts in its parent's
 * reaped-children time (fields 16 and 17), so the difference of two readings stays right when a
 * backend ends between them.
 */
export function treeCpuMs(rootPid: number | undefined): number | null {
  if (rootPid === undefined || statFields(rootPid) === null) return null;
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    const parent = /^\d+$/.test(entry) ? statFields(entry)?.[1] : undefined;
    if (parent !== undefined) children.set(Number(parent), [...(children.get(Number(parent)) ?? []), Number(entry)]);
  }
  let ticks = 0;
  const pending = [rootPid];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    ticks += (statFields(pid)?.slice(11, 15) ?? []).reduce((sum, field) => sum + Number(field), 0);
    pending.push(...(children.get(pid) ?? []));
  }
  return (ticks * 1000) / clockTicks();
}

/** Resident memory now, MiB. */
export function rssMiB(pid: number | undefined): number | null {
  const status = pid === undefined ? null : read(`/proc/${pid}/status`);
  const kib = status === null ? undefined : /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  return kib === undefined ? null : Math.round((Number(kib) / 1024) * 10) / 10;
}

/** Samples the processes' resident memory every `everyMs` until stopped: the peak of each, MiB. */
export function samplePeakRss(pids: Record<string, number | undefined>, everyMs = 250): { stop: () => Record<string, number | null> } {
  const peaks: Record<string, number | null> = Object.fromEntries(Object.keys(pids).map((name) => [name, null]));
  const sample = () => {
    for (const [name, pid] of Object.entries(pids)) {
      const rss = rssMiB(pid);
      if (rss !== null) peaks[name] = Math.max(peaks[name] ?? 0, rss);
    }
  };
  sample();
  const timer = setInterval(sample, everyMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      return peaks;
    },
  };
}
