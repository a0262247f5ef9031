import { inRounds, type RoundCall } from "@incidentops/core";
import { createDb } from "@incidentops/db";
import { afterAll, describe, expect, it } from "vitest";

// Rounds only key their state by the handle: this one never connects.
const db = createDb({ connectionString: "postgres://127.0.0.1:1/unused" });
afterAll(() => db.destroy());

/** A promise and the function that settles it. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Rounds that record the inputs of each round and wait for the test to let each one end. */
function recordedRounds(options: { maxPerRound: number; fail?: (input: string) => boolean }) {
  const rounds: string[][] = [];
  const gates: ReturnType<typeof gate>[] = [];
  const run = inRounds<string, string>(async (_db, key, calls: readonly RoundCall<string, string>[]) => {
    rounds.push(calls.map((call) => call.input));
    const ends = gate();
    gates.push(ends);
    await ends.opened;
    for (const call of calls) {
      if (options.fail?.(call.input) === true) throw new Error(`round of ${call.input} failed`);
      call.resolve(`${key}:${call.input}`);
    }
  }, options.maxPerRound);
  /** Lets the round running now end, and waits until the next one (if any) has started. */
  const endRound = async (index: number) => {
    gates[index]?.open();
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { run, rounds, endRound };
}

describe("work in rounds", () => {
  it("starts a call on an idle key at once, alone, and puts the calls made meanwhile in the next round, in order", async () => {
    const { run, rounds, endRound } = recordedRounds({ maxPerRound: 10 });
    const first = run(db, "k", "a");
    expect(rounds).toEqual([["a"]]);
    const waiting = [run(db, "k", "b"), run(db, "k", "c")];
    await endRound(0);
    expect(rounds).toEqual([["a"], ["b", "c"]]);
    // Made while the second round runs: never answered by it, which started before.
    const late = run(db, "k", "d");
    await endRound(1);
    expect(rounds).toEqual([["a"], ["b", "c"], ["d"]]);
    await endRound(2);
    expect(await Promise.all([first, ...waiting, late])).toEqual(["k:a", "k:b", "k:c", "k:d"]);
    // The key is idle again: the next call starts its own round at once.
    const again = run(db, "k", "e");
    expect(rounds.at(-1)).toEqual(["e"]);
    await endRound(3);
    expect(await again).toBe("k:e");
  });

  it("takes at most maxPerRound calls a round, and runs keys apart", async () => {
    const { run, rounds, endRound } = recordedRounds({ maxPerRound: 2 });
    const calls = [run(db, "x", "1"), run(db, "y", "1"), run(db, "x", "2"), run(db, "x", "3"), run(db, "x", "4")];
    expect(rounds).toEqual([["1"], ["1"]]);
    for (let round = 0; round < 4; round++) await endRound(round);
    expect(rounds).toEqual([["1"], ["1"], ["2", "3"], ["4"]]);
    expect(await Promise.all(calls)).toEqual(["x:1", "y:1", "x:2", "x:3", "x:4"]);
  });

  it("refuses the calls a failed round had not answered, keeps the answers it gave, and goes on with the next round", async () => {
    const { run, rounds, endRound } = recordedRounds({ maxPerRound: 10, fail: (input) => input === "poison" });
    const first = run(db, "k", "a");
    const together = [run(db, "k", "b"), run(db, "k", "poison"), run(db, "k", "c")].map((call) => call.then((value) => ({ value }), (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) })));
    await endRound(0);
    const after = run(db, "k", "d");
    await endRound(1);
    await endRound(2);
    expect(await first).toBe("k:a");
    expect(await Promise.all(together)).toEqual([{ value: "k:b" }, { error: "round of poison failed" }, { error: "round of poison failed" }]);
    expect(await after).toBe("k:d");
    expect(rounds).toEqual([["a"], ["b", "poison", "c"], ["d"]]);
  });
});
