/**
 * Resource use of the benchmark's children from /proc (Linux; null elsewhere): CPU time spent
 * (user + system) and resident memory, without a dependency.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

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

/** CPU time the process has used so far, user + system, ms. */
export function cpuMs(pid: number | undefined): number | null {
  const stat = pid === undefined ? null : read(`/proc/${pid}/stat`);
  if (stat === null) return null;
  // Fields after the command name (which may hold spaces) in parentheses: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
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
