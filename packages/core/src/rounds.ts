import type { Db } from "@incidentops/db";

/** One call waiting for its round: what it asked, and how to answer it. */
export interface RoundCall<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/** Does one round's work for the calls of one key, answering each (a call it leaves unanswered is refused). */
export type RoundWork<I, O> = (db: Db, key: string, calls: readonly RoundCall<I, O>[]) => Promise<void>;

/**
 * Work that costs about the same for many calls as for one (a statement, a commit), done in rounds
 * per key: a call waits for the next round of its key, which takes the calls made while the key's
 * previous round ran (at most `maxPerRound`, in the order made), and a call on an idle key starts
 * its round at once, alone. So nothing waits on a quiet system, and under load each round is
 * shared by everything that arrived during the last one. A call is never answered by a round that
 * started before it was made. Rounds are per database handle; a round that throws refuses the
 * calls it has not answered.
 */
export function inRounds<I, O>(work: RoundWork<I, O>, maxPerRound: number): (db: Db, key: string, input: I) => Promise<O> {
  const running = new WeakMap<Db, Map<string, RoundCall<I, O>[]>>();
  const runRounds = async (db: Db, key: string, queue: RoundCall<I, O>[], idle: () => void) => {
    while (queue.length > 0) {
      const calls = queue.splice(0, maxPerRound);
      const unanswered = new Set(calls);
      const answered = calls.map((call) => ({
        input: call.input,
        resolve: (output: O) => {
          if (unanswered.delete(call)) call.resolve(output);
        },
        reject: (error: unknown) => {
          if (unanswered.delete(call)) call.reject(error);
        },
      }));
      try {
        await work(db, key, answered);
        for (const call of unanswered) call.reject(new Error("unreachable: a round left a call unanswered"));
      } catch (error) {
        for (const call of unanswered) call.reject(error);
      }
    }
    idle();
  };
  return (db, key, input) =>
    new Promise<O>((resolve, reject) => {
      const keys = running.get(db) ?? new Map<string, RoundCall<I, O>[]>();
      running.set(db, keys);
      const queue = keys.get(key);
      if (queue !== undefined) {
        queue.push({ input, resolve, reject });
        return;
      }
      const started = [{ input, resolve, reject }];
      keys.set(key, started);
      void runRounds(db, key, started, () => keys.delete(key));
    });
}
