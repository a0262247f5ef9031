import { countDelivery, DELIVERY_TASK, inJobSpan, sendLaneRun, traceCarrier, type ClaimedLaneRun, type DeliveryDeps, type FirstRounds, type LaneRun, type Logger } from "@incidentops/core";
import type { NotificationChannel } from "@incidentops/db";

/**
 * The log lines and counts of a lane run's tries, wherever it ran: its job, or a fan-out's first
 * round. A failed try is a warning with the receiver's answer and the safe reason (never the URL:
 * a webhook's may hold a token), and when the next try is due while it is retried.
 */
export function reportTries(logger: Logger, channel: NotificationChannel, tried: LaneRun["tried"]): void {
  for (const { attemptId, recipientId, targetId, result, tries, httpStatus, error, nextTryAt } of tried) {
    const line = { attemptId, recipientId, targetId, channel, result, tries, httpStatus };
    if (result === "succeeded") logger.info(line, "delivery attempt");
    else logger.warn({ ...line, reason: error, ...(nextTryAt === null ? {} : { nextTryAt: nextTryAt.toISOString() }) }, "delivery attempt");
    countDelivery(channel, result);
  }
}

/** One fan-out's slots: what it claimed goes to start() once it has committed; cancel() when it failed. */
export interface FirstRoundsReservation {
  firstRounds: FirstRounds;
  start: (claimed: readonly ClaimedLaneRun[]) => void;
  cancel: () => void;
}

/**
 * The first rounds that fan-outs send themselves (fanOutEvents with `firstRounds`): a fan-out
 * that finds a lane nobody sends on claims its run and sends it here, once committed, with no
 * job hop in between. The runs are not jobs: they hold no job slot, so a receiver that hangs
 * holds only one of these `capacity` slots (a fan-out that finds none free leaves the lane to its
 * job). A process that dies mid-run leaves the lane leased: its job, scheduled for the lease's
 * end, takes over, as it does for a delivery job's run.
 */
export function firstRoundSender(options: { deps: DeliveryDeps; logger: Logger; capacity: number }) {
  const { deps, logger, capacity } = options;
  let slotsInUse = 0;
  let draining = false;
  const running = new Set<Promise<void>>();

  const send = (run: ClaimedLaneRun) => {
    const runLogger = logger.child({ requestId: run.requestId });
    // A span of the delivery task's name (it is the same run of the lane), a child of the fan-out's.
    const inSpan = (work: () => Promise<LaneRun["tried"]>) => inJobSpan(DELIVERY_TASK[run.channel], traceCarrier(), { "delivery.run": "first round" }, work);
    const sent: Promise<void> = inSpan(() => sendLaneRun(deps, run, () => !draining))
      .then(
        (tried) => reportTries(runLogger, run.channel, tried),
        (error: unknown) => runLogger.warn({ err: error, channel: run.channel, recipientId: run.lane.recipientId }, "a first round failed; the lane's job takes it over when its lease ends"),
      )
      .finally(() => {
        slotsInUse--;
        running.delete(sent);
      });
    running.add(sent);
  };

  return {
    reserve(): FirstRoundsReservation {
      let taken = 0;
      const takeSlot = () => {
        if (draining || slotsInUse >= capacity) return false;
        slotsInUse++;
        taken++;
        return true;
      };
      return {
        firstRounds: { deps, takeSlot },
        start(claimed) {
          slotsInUse -= taken - claimed.length;
          taken = 0;
          for (const run of claimed) send(run);
        },
        cancel() {
          slotsInUse -= taken;
          taken = 0;
        },
      };
    },
    /** Claims no more (runs in progress stop claiming after their round) and waits for the runs to end. */
    async drain(): Promise<void> {
      draining = true;
      while (running.size > 0) await Promise.all(running);
    },
  };
}

export type FirstRoundSender = ReturnType<typeof firstRoundSender>;
