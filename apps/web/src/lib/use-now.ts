import { useSyncExternalStore } from "react";

// One clock per tick length, shared by every component that reads it (a list of fifty countdowns
// runs one timer, not fifty).

interface Clock {
  now: number;
  listeners: Set<() => void>;
  timer?: ReturnType<typeof setInterval>;
}

const clocks = new Map<number, Clock>();

function clockOf(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs);
  if (clock === undefined) {
    clock = { now: Date.now(), listeners: new Set() };
    clocks.set(intervalMs, clock);
  }
  return clock;
}

function subscribe(intervalMs: number, listener: () => void): () => void {
  const clock = clockOf(intervalMs);
  clock.listeners.add(listener);
  if (clock.timer === undefined) {
    clock.now = Date.now();
    clock.timer = setInterval(() => {
      clock.now = Date.now();
      for (const l of clock.listeners) l();
    }, intervalMs);
  }
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size === 0) {
      clearInterval(clock.timer);
      clock.timer = undefined;
    }
  };
}

// One subscribe function per clock: React resubscribes whenever it gets a new one, and a
// resubscription that refreshes the time would render again, resubscribe again, and so on.
const subscribers = new Map<number, (listener: () => void) => () => void>();

function subscriberOf(intervalMs: number): (listener: () => void) => () => void {
  let subscriber = subscribers.get(intervalMs);
  if (subscriber === undefined) {
    subscriber = (listener) => subscribe(intervalMs, listener);
    subscribers.set(intervalMs, subscriber);
  }
  return subscriber;
}

/** The time now, re-read every `intervalMs` (30 s for ages, 1 s for countdowns). */
export function useNow(intervalMs: number): number {
  // A clock nobody watched for a while is refreshed as its first watcher subscribes.
  return useSyncExternalStore(subscriberOf(intervalMs), () => clockOf(intervalMs).now);
}
