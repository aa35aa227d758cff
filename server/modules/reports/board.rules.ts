import { type BoardHour, unassignedBuckets } from '../../../contracts/board';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Today in a zone: midnight (UTC instant) and the zone's offset now. `wall` is the wall-clock
 * reading of `now` in the zone as naive milliseconds (business-hours' `wallClockOf`). The offset
 * is taken once: on the day the clocks change, the hours after the change read one hour off.
 */
export function todayIn(now: number, wall: number): { from: number; offset: number } {
  const offset = wall - now;
  const wallMidnight = Math.floor(wall / DAY) * DAY;
  return { from: wallMidnight - offset, offset };
}

/** Counts instants (ISO strings) by hour of the day starting at `from`, 24 hours. */
export function countByHour(instants: string[], from: number): number[] {
  const hours = new Array<number>(24).fill(0);
  for (const at of instants) {
    const h = Math.floor((Date.parse(at) - from) / HOUR);
    if (h >= 0 && h < 24) hours[h] = (hours[h] ?? 0) + 1;
  }
  return hours;
}

/** Today's hours up to the current one: incoming against solved. */
export function todayByHour(created: string[], solved: string[], from: number, now: number): BoardHour[] {
  const incoming = countByHour(created, from);
  const done = countByHour(solved, from);
  const upTo = Math.min(23, Math.max(0, Math.floor((now - from) / HOUR)));
  const hours: BoardHour[] = [];
  for (let h = 0; h <= upTo; h++)
    hours.push({
      hour: h,
      from: new Date(from + h * HOUR).toISOString(),
      incoming: incoming[h] ?? 0,
      solved: done[h] ?? 0,
    });
  return hours;
}

/** The creation times that bound the age buckets, newest first: "came in after now − N hours". */
export function bucketBounds(now: number): string[] {
  return unassignedBuckets.flatMap((b) =>
    b.toHours === null ? [] : [new Date(now - b.toHours * HOUR).toISOString()],
  );
}

/**
 * The age buckets from the counts "came in at or after each bound" (newest bound first) and the
 * total: each bucket is the difference between its bound and the next older one.
 */
export function ageBuckets(total: number, after: number[], now: number) {
  return unassignedBuckets.map((b, i) => {
    const newer = i === 0 ? 0 : (after[i - 1] ?? 0);
    const upTo = b.toHours === null ? total : (after[i] ?? 0);
    return {
      key: b.key,
      label: b.label,
      count: upTo - newer,
      createdAfter: b.toHours === null ? null : new Date(now - b.toHours * HOUR).toISOString(),
      createdBefore: b.fromHours === 0 ? null : new Date(now - b.fromHours * HOUR).toISOString(),
    };
  });
}
