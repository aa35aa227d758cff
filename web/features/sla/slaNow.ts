import { useSyncExternalStore } from 'react';

/** How often every clock on the page moves on: one timer for all of them. */
export const SLA_TICK_MS = 30_000;

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function tick(): void {
  now = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(tick, SLA_TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const snapshot = () => now;

/** The time every service-level clock reads, moved on by one shared interval while any clock shows. */
export function useSlaNow(): number {
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
