// Business-hours arithmetic: when a calendar is open, how much open time lies between two
// instants, and when an amount of open time has passed. Pure functions of a calendar's rules.
import { offsetSpans } from './local-time';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** How far ahead an amount of open time is looked for before it counts as never reached. */
const HORIZON = 3 * 366 * DAY;
/** Days of wall-clock time worked out at once: two first (most amounts end within them), doubling up to fourteen. */
const FIRST_CHUNK_DAYS = 2;
const MAX_CHUNK_DAYS = 14;

/** Opening hours on a weekday (0 Sunday … 6 Saturday), minutes after midnight; an end at or before the start runs past midnight. */
export interface OpeningHours {
  day: number;
  start: number;
  end: number;
}

/** A day the desk is closed: once, or on that month and day every year. */
export interface Holiday {
  date: string;
  yearly: boolean;
}

export interface CalendarRules {
  timezone: string;
  hours: readonly OpeningHours[];
  holidays: readonly Holiday[];
}

/** A calendar's rules, arranged for the arithmetic: build once, use for many tickets. */
export interface Calendar {
  timezone: string;
  /** Per weekday, [start, end) in minutes after that day's midnight (an end past 1440 runs into the next day). */
  week: [number, number][][];
  once: Set<string>;
  yearly: Set<string>;
  hasHours: boolean;
}

export function compileCalendar(rules: CalendarRules): Calendar {
  const week: [number, number][][] = Array.from({ length: 7 }, () => []);
  for (const h of rules.hours) {
    const end = h.end <= h.start ? h.end + 1440 : h.end;
    if (end > h.start) week[h.day]!.push([h.start, end]);
  }
  return {
    timezone: rules.timezone,
    week,
    once: new Set(rules.holidays.filter((h) => !h.yearly).map((h) => h.date)),
    yearly: new Set(rules.holidays.filter((h) => h.yearly).map((h) => h.date.slice(5))),
    hasHours: week.some((day) => day.length > 0),
  };
}

const datesOfDays = new Map<number, string>();
const KEPT_DATES = 4_096;

/** The date (YYYY-MM-DD) of a day counted from 1970-01-01 (the days around now are asked for again and again). */
export function dateOfDay(day: number): string {
  let date = datesOfDays.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    if (datesOfDays.size >= KEPT_DATES) datesOfDays.delete(datesOfDays.keys().next().value!);
    datesOfDays.set(day, date);
  }
  return date;
}
/** The weekday (0 Sunday) of a day counted from 1970-01-01, a Thursday. */
export const weekdayOfDay = (day: number) => (((day + 4) % 7) + 7) % 7;

export function isHoliday(calendar: Calendar, date: string): boolean {
  return calendar.once.has(date) || calendar.yearly.has(date.slice(5));
}

/**
 * The open stretches of wall-clock time (milliseconds on a zoneless clock) within [from, to),
 * in order and merged: each day's hours unless the day is a holiday; hours past midnight belong
 * to the day they start on.
 */
export function wallClockOpen(calendar: Calendar, from: number, to: number): [number, number][] {
  const stretches: [number, number][] = [];
  for (let day = Math.floor(from / DAY) - 1; day * DAY < to; day += 1) {
    if (isHoliday(calendar, dateOfDay(day))) continue;
    for (const [start, end] of calendar.week[weekdayOfDay(day)]!) {
      const s = Math.max(day * DAY + start * MINUTE, from);
      const e = Math.min(day * DAY + end * MINUTE, to);
      if (e > s) stretches.push([s, e]);
    }
  }
  stretches.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const stretch of stretches) {
    const last = merged.at(-1);
    if (last && stretch[0] <= last[1]) last[1] = Math.max(last[1], stretch[1]);
    else merged.push(stretch);
  }
  return merged;
}

/** The calendar's open stretches of real time (UTC milliseconds) within [from, to), in order. */
export function* openStretches(calendar: Calendar, from: number, to: number): Generator<[number, number]> {
  if (!calendar.hasHours) return;
  for (const span of offsetSpans(calendar.timezone, from, to)) {
    const shift = span.offset * MINUTE;
    let days = FIRST_CHUNK_DAYS;
    for (let at = span.from; at < span.to; ) {
      const end = Math.min(at + days * DAY, span.to);
      for (const [s, e] of wallClockOpen(calendar, at + shift, end + shift)) yield [s - shift, e - shift];
      at = end;
      days = Math.min(days * 2, MAX_CHUNK_DAYS);
    }
  }
}

/** Open time between two instants, in milliseconds (0 when `to` is not after `from`). */
export function openTimeBetween(calendar: Calendar, from: number, to: number): number {
  let total = 0;
  for (const [s, e] of openStretches(calendar, from, to)) total += e - s;
  return total;
}

/**
 * The instant at which `amount` milliseconds of open time have passed since `from`, or null
 * when the calendar never opens for that long (no hours, or closed past the horizon).
 */
export function addOpenTime(calendar: Calendar, from: number, amount: number): number | null {
  if (amount <= 0) return from;
  let left = amount;
  for (const [s, e] of openStretches(calendar, from, from + HORIZON)) {
    if (e - s >= left) return s + left;
    left -= e - s;
  }
  return null;
}

/** Whether the calendar is open at an instant. */
export function isOpenAt(calendar: Calendar, at: number): boolean {
  return openTimeBetween(calendar, at, at + 1) > 0;
}

/** "09:30" as minutes after midnight; "24:00" is 1440. */
export function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** Minutes after midnight as "09:30". */
export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
