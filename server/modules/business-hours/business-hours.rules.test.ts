import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addOpenTime,
  type CalendarRules,
  compileCalendar,
  isOpenAt,
  type OpeningHours,
  openTimeBetween,
} from './business-hours.rules';
import { offsetAt } from './local-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The oracle's clock: the zone's wall-clock date, weekday and minute of an instant, read from Intl parts. */
const readers = new Map<string, Intl.DateTimeFormat>();
function wallClock(timezone: string, at: number) {
  let reader = readers.get(timezone);
  if (!reader) {
    reader = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    readers.set(timezone, reader);
  }
  const parts = Object.fromEntries(reader.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!);
  return { date, weekday, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

const dayBefore = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);

/** The oracle: is the desk open during the minute starting at `at`, by the rules read literally. */
function openMinute(rules: CalendarRules, at: number): boolean {
  const { date, weekday, minute } = wallClock(rules.timezone, at);
  const closed = (d: string) =>
    rules.holidays.some((h) => (h.yearly ? h.date.slice(5) === d.slice(5) : h.date === d));
  const overnight = (h: OpeningHours) => h.end <= h.start;
  const today =
    !closed(date) &&
    rules.hours.some((h) => h.day === weekday && minute >= h.start && (overnight(h) || minute < h.end));
  const yesterday = (weekday + 6) % 7;
  const fromYesterday =
    !closed(dayBefore(date)) &&
    rules.hours.some((h) => h.day === yesterday && overnight(h) && minute < h.end);
  return today || fromYesterday;
}

const oracleBetween = (rules: CalendarRules, from: number, to: number) => {
  let minutes = 0;
  for (let at = from; at < to; at += MINUTE) if (openMinute(rules, at)) minutes += 1;
  return minutes * MINUTE;
};

const oracleAdd = (rules: CalendarRules, from: number, amount: number, limit: number) => {
  let left = amount / MINUTE;
  for (let at = from; at < limit; at += MINUTE) {
    if (openMinute(rules, at)) left -= 1;
    if (left === 0) return at + MINUTE;
  }
  return undefined;
};

const zones = ['Europe/London', 'America/New_York', 'UTC', 'Asia/Kolkata', 'Australia/Lord_Howe'];
/** Instants around the 2026 clock changes in London and New York, and ordinary days. */
const anchors = [
  '2026-03-08T00:00:00Z',
  '2026-03-28T18:00:00Z',
  '2026-10-24T20:00:00Z',
  '2026-10-31T22:00:00Z',
  '2026-04-05T10:00:00Z',
  '2026-12-30T12:00:00Z',
].map(Date.parse);

const hoursArb = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 6 }),
    start: fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
    end: fc.integer({ min: 1, max: 96 }).map((q) => q * 15),
  }),
  { maxLength: 9 },
);
const rulesArb = fc.record({
  timezone: fc.constantFrom(...zones),
  hours: hoursArb,
  holidays: fc.array(
    fc.record({
      date: fc
        .integer({ min: -3, max: 6 })
        .map((d) => new Date(anchors[1]! + d * DAY).toISOString().slice(0, 10)),
      yearly: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});
const startArb = fc
  .tuple(fc.constantFrom(...anchors), fc.integer({ min: -2 * 24 * 4, max: 2 * 24 * 4 }))
  .map(([anchor, quarter]) => anchor + quarter * 15 * MINUTE + (quarter % 3) * MINUTE);

// The oracle reads every minute through Intl: generous time limits for a busy machine.
describe('business-hours arithmetic against a minute-by-minute oracle', { timeout: 120_000 }, () => {
  it('open time between two instants', () => {
    fc.assert(
      fc.property(rulesArb, startArb, fc.integer({ min: 0, max: 4 * 24 * 60 }), (rules, from, minutes) => {
        const to = from + minutes * MINUTE;
        expect(openTimeBetween(compileCalendar(rules), from, to)).toBe(oracleBetween(rules, from, to));
      }),
      { numRuns: 40 },
    );
  });

  it('the instant an amount of open time has passed', () => {
    fc.assert(
      fc.property(rulesArb, startArb, fc.integer({ min: 1, max: 30 * 60 }), (rules, from, minutes) => {
        const limit = from + 6 * DAY;
        const expected = oracleAdd(rules, from, minutes * MINUTE, limit);
        const due = addOpenTime(compileCalendar(rules), from, minutes * MINUTE);
        if (expected === undefined) expect(due === null || due >= limit).toBe(true);
        else expect(due).toBe(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('whether the desk is open at an instant', () => {
    fc.assert(
      fc.property(rulesArb, startArb, (rules, at) => {
        const minute = Math.floor(at / MINUTE) * MINUTE;
        expect(isOpenAt(compileCalendar(rules), minute)).toBe(openMinute(rules, minute));
      }),
      { numRuns: 200 },
    );
  });
});

describe('business hours, by example', () => {
  const weekdays9to5 = (timezone: string, extra: Partial<CalendarRules> = {}): CalendarRules => ({
    timezone,
    hours: [1, 2, 3, 4, 5].map((day) => ({ day, start: 9 * 60, end: 17 * 60 })),
    holidays: [],
    ...extra,
  });

  it('a Friday-afternoon ticket with 4 business hours is due Monday morning', () => {
    const calendar = compileCalendar(weekdays9to5('Europe/London'));
    const friday4pm = Date.parse('2026-06-05T15:00:00Z'); // 16:00 BST
    expect(new Date(addOpenTime(calendar, friday4pm, 4 * HOUR)!).toISOString()).toBe(
      '2026-06-08T11:00:00.000Z',
    );
  });

  it('the spring-forward day in London is an hour shorter only when the desk is open through it', () => {
    const night = compileCalendar({
      timezone: 'Europe/London',
      hours: [{ day: 0, start: 0, end: 6 * 60 }],
      holidays: [],
    });
    const sunday = Date.parse('2026-03-29T00:00:00Z');
    expect(openTimeBetween(night, sunday - HOUR, sunday + DAY)).toBe(5 * HOUR);
    const fallBack = Date.parse('2026-10-25T00:00:00Z');
    expect(openTimeBetween(night, fallBack - 2 * HOUR, fallBack + DAY)).toBe(7 * HOUR);
  });

  it('overnight hours run past midnight, and belong to the day they start on', () => {
    const calendar = compileCalendar({
      timezone: 'America/New_York',
      hours: [{ day: 5, start: 22 * 60, end: 2 * 60 }],
      holidays: [],
    });
    const fridayNight = Date.parse('2026-06-06T02:00:00Z'); // 22:00 EDT Friday
    expect(openTimeBetween(calendar, fridayNight - HOUR, fridayNight + 6 * HOUR)).toBe(4 * HOUR);
    const closedFriday = compileCalendar({
      timezone: 'America/New_York',
      hours: [{ day: 5, start: 22 * 60, end: 2 * 60 }],
      holidays: [{ date: '2026-06-05', yearly: false }],
    });
    expect(openTimeBetween(closedFriday, fridayNight - HOUR, fridayNight + 6 * HOUR)).toBe(0);
  });

  it('yearly holidays close the same day every year; one-off holidays close once', () => {
    const calendar = compileCalendar(
      weekdays9to5('UTC', {
        holidays: [
          { date: '2020-12-25', yearly: true },
          { date: '2026-12-24', yearly: false },
        ],
      }),
    );
    const day = (date: string) =>
      openTimeBetween(calendar, Date.parse(`${date}T00:00:00Z`), Date.parse(`${date}T23:59:59Z`));
    expect(day('2026-12-25')).toBe(0);
    expect(day('2026-12-24')).toBe(0);
    expect(day('2025-12-24')).toBe(8 * HOUR);
    expect(day('2030-12-25')).toBe(0);
  });

  it('a week with no hours never reaches a target, and says so', () => {
    const calendar = compileCalendar({ timezone: 'UTC', hours: [], holidays: [] });
    expect(addOpenTime(calendar, Date.now(), HOUR)).toBeNull();
    expect(openTimeBetween(calendar, 0, 10 * DAY)).toBe(0);
    expect(addOpenTime(calendar, 5, 0)).toBe(5);
  });

  it('reads zone offsets through the clock changes', () => {
    expect(offsetAt('Europe/London', Date.parse('2026-03-29T00:59:00Z'))).toBe(0);
    expect(offsetAt('Europe/London', Date.parse('2026-03-29T01:00:00Z'))).toBe(60);
    expect(offsetAt('Asia/Kolkata', Date.parse('2026-03-29T01:00:00Z'))).toBe(330);
  });
});
