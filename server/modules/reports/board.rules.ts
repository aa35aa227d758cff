import { type BoardHour, unassignedBuckets } from '../../../contracts/board';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The wall-clock reading of an instant in the desk's zone, as naive milliseconds (business-hours' `wallClockOf`). */
export type WallClock = (utcMs: number) => number;

/** The instant a wall-clock reading names: the offset is taken where the reading falls, so a day the clocks change reads right. */
function instantOf(wall: number, wallOf: WallClock, near: number): number {
  const guess = wall - (wallOf(near) - near);
  return wall - (wallOf(guess) - guess);
}

/** Today in a zone: its wall-clock midnight and the instant of it. */
export function todayIn(now: number, wallOf: WallClock): { from: number; wallMidnight: number } {
  const wallMidnight = Math.floor(wallOf(now) / DAY) * DAY;
  return { from: instantOf(wallMidnight, wallOf, now), wallMidnight };
}

const QUARTER = 15 * 60_000;

/**
 * Counts instants (ISO strings) by their wall-clock hour of the day that starts at `wallMidnight`.
 * On the day the clocks go back the repeated hour counts once, in one bucket.
 */
export function countByHour(instants: string[], wallMidnight: number, wallOf: WallClock): number[] {
  const hours = new Array<number>(24).fill(0);
  // Zones change their offset only on a quarter hour of UTC, so the offset is asked once per
  // quarter hour that has instants, not once per instant (a busy day has thousands).
  const offsets = new Map<number, number>();
  for (const at of instants) {
    const ms = Date.parse(at);
    const quarter = Math.floor(ms / QUARTER) * QUARTER;
    let offset = offsets.get(quarter);
    if (offset === undefined) {
      offset = wallOf(quarter) - quarter;
      offsets.set(quarter, offset);
    }
    const h = Math.floor((ms + offset - wallMidnight) / HOUR);
    if (h >= 0 && h < 24) hours[h] = (hours[h] ?? 0) + 1;
  }
  return hours;
}

/** Today's wall-clock hours up to the current one: incoming against solved. */
export function todayByHour(
  created: string[],
  solved: string[],
  today: { wallMidnight: number },
  now: number,
  wallOf: WallClock,
): BoardHour[] {
  const incoming = countByHour(created, today.wallMidnight, wallOf);
  const done = countByHour(solved, today.wallMidnight, wallOf);
  const upTo = Math.min(23, Math.max(0, Math.floor((wallOf(now) - today.wallMidnight) / HOUR)));
  const hours: BoardHour[] = [];
  for (let h = 0; h <= upTo; h++)
    hours.push({
      hour: h,
      from: new Date(instantOf(today.wallMidnight + h * HOUR, wallOf, now)).toISOString(),
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
