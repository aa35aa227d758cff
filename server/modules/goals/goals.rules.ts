// Pure rules of goals: a period's dates and label, how much of it has passed, and the trajectory
// from a simple forecast (docs/metrics.md, "Goals").
import type { GoalDirection, GoalKpiShape, GoalPeriodInput, Trajectory } from '../../../contracts/goals';

const DAY = 86_400_000;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const lastDayOf = (year: number, month0: number) => iso(Date.UTC(year, month0 + 1, 1) - DAY);

export interface GoalPeriod {
  kind: 'month' | 'quarter' | 'custom';
  from: string;
  to: string;
}

/** The first and last day (included) of a month, a quarter or a custom range. */
export function periodDates(input: GoalPeriodInput): GoalPeriod {
  if (input.kind === 'custom') return { kind: 'custom', from: input.from, to: input.to };
  if (input.kind === 'month') {
    const [y, m] = input.month.split('-').map(Number) as [number, number];
    return { kind: 'month', from: `${input.month}-01`, to: lastDayOf(y, m - 1) };
  }
  const year = Number(input.quarter.slice(0, 4));
  const q = Number(input.quarter.slice(6));
  const first = (q - 1) * 3;
  return { kind: 'quarter', from: iso(Date.UTC(year, first, 1)), to: lastDayOf(year, first + 2) };
}

/** How a period reads: "December 2026", "Q4 2026", "2026-12-01 – 2026-12-15". */
export function periodLabel(p: GoalPeriod): string {
  const year = p.from.slice(0, 4);
  if (p.kind === 'month') return `${MONTHS[Number(p.from.slice(5, 7)) - 1]} ${year}`;
  if (p.kind === 'quarter') return `Q${Math.floor((Number(p.from.slice(5, 7)) - 1) / 3) + 1} ${year}`;
  return `${p.from} – ${p.to}`;
}

/**
 * The part of the period counted so far: whole days from its first day through `today`
 * (included), and that as a share of its days. Before the period starts nothing is counted.
 */
export function elapsedOf(
  p: { from: string; to: string },
  today: string,
): { through: string | null; share: number } {
  if (today < p.from) return { through: null, share: 0 };
  const through = today > p.to ? p.to : today;
  const days = (Date.parse(p.to) - Date.parse(p.from)) / DAY + 1;
  const done = (Date.parse(through) - Date.parse(p.from)) / DAY + 1;
  return { through, share: Math.min(1, done / days) };
}

/** A level that misses its target by no more than this share of the target still reads as on track. */
export const TOLERANCE = 0.05;

export interface TrajectoryInput {
  shape: GoalKpiShape;
  direction: GoalDirection;
  target: number;
  /** The KPI over the elapsed part; null when there is nothing to measure yet. */
  value: number | null;
  /** Share of the period elapsed, 0 to 1 (1: the period is over). */
  elapsed: number;
}

/** Where the KPI is expected to end: a count grows in proportion to the time elapsed; a level stays. */
export function forecastOf(input: Pick<TrajectoryInput, 'shape' | 'value' | 'elapsed'>): number | null {
  if (input.value === null || input.elapsed <= 0) return null;
  return input.shape === 'count' ? input.value / input.elapsed : input.value;
}

const meets = (direction: GoalDirection, value: number, target: number) =>
  direction === 'higher' ? value >= target : value <= target;

/**
 * The trajectory of a goal:
 * - nothing elapsed, or nothing measured yet: pending;
 * - the period is over: achieved when the value meets the target, else missed;
 * - a count: achieved as soon as a higher-is-better count reaches the target (it cannot fall
 *   back), missed as soon as a lower-is-better count passes it; otherwise on track when the
 *   forecast (the count extrapolated to the whole period) meets the target, else at risk;
 * - a level (rate, median, score, backlog): on track when the current value meets the target
 *   or misses it by no more than the tolerance band, else at risk.
 */
export function trajectoryOf(input: TrajectoryInput): Trajectory {
  const { shape, direction, target, value, elapsed } = input;
  if (elapsed <= 0 || value === null) return elapsed >= 1 && value === null ? 'missed' : 'pending';
  if (elapsed >= 1) return meets(direction, value, target) ? 'achieved' : 'missed';
  if (shape === 'count') {
    if (direction === 'higher' && value >= target) return 'achieved';
    if (direction === 'lower' && value > target) return 'missed';
    return meets(direction, forecastOf(input) ?? value, target) ? 'on_track' : 'at_risk';
  }
  const band = Math.abs(target) * TOLERANCE;
  const eased = direction === 'higher' ? target - band : target + band;
  return meets(direction, value, eased) ? 'on_track' : 'at_risk';
}
