import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Cadenced, localDateOf, nextSlot, periodOfSend, sendsOn } from './reports.schedules.rules';

const zones = ['UTC', 'Europe/Paris', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata'];
const cadenced = fc.oneof(
  fc.record({
    cadence: fc.constant('daily' as const),
    weekday: fc.constant(null),
    monthDay: fc.constant(null),
    hour: fc.integer({ min: 0, max: 23 }),
  }),
  fc.record({
    cadence: fc.constant('weekly' as const),
    weekday: fc.integer({ min: 0, max: 6 }),
    monthDay: fc.constant(null),
    hour: fc.integer({ min: 0, max: 23 }),
  }),
  fc.record({
    cadence: fc.constant('monthly' as const),
    weekday: fc.constant(null),
    monthDay: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
  }),
);
const instant = fc.integer({ min: Date.parse('2024-01-01'), max: Date.parse('2030-12-31') });

describe('scheduled report sends', () => {
  it('the next send is after the moment, on a sending day, and none is skipped in between', () => {
    fc.assert(
      fc.property(cadenced, fc.constantFrom(...zones), instant, (s: Cadenced, tz, after) => {
        const next = nextSlot(s, tz, after);
        expect(next.at).toBeGreaterThan(after);
        expect(sendsOn(s, next.periodKey)).toBe(true);
        expect(localDateOf(next.at, tz)).toBe(next.periodKey);
        // Nothing in between: the send just before it is at or before the moment.
        const again = nextSlot(s, tz, next.at);
        expect(again.at).toBeGreaterThan(next.at);
        expect(again.periodKey > next.periodKey).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('sends at the local hour, an hour later only when a DST change skips that hour', () => {
    // Once found by chance: a weekly Sunday 03:00 send in Paris lands on the day summer time
    // begins, at 03:00 summer time (01:00 UTC).
    const sunday: Cadenced = { cadence: 'weekly', weekday: 0, monthDay: null, hour: 3 };
    expect(
      new Date(nextSlot(sunday, 'Europe/Paris', Date.parse('2029-03-18T02:00:00Z')).at).toISOString(),
    ).toBe('2029-03-25T01:00:00.000Z');
    fc.assert(
      fc.property(cadenced, fc.constantFrom(...zones), instant, (s: Cadenced, tz, after) => {
        const next = nextSlot(s, tz, after);
        // The wall-clock hour of the send itself, in its zone (on the day the clocks change the
        // offset at midnight is not the offset at the hour).
        const hour = Number(
          new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: 'numeric', hourCycle: 'h23' }).format(
            next.at,
          ),
        );
        expect([s.hour, (s.hour + 1) % 24]).toContain(hour);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the local hour across the DST changes', () => {
    const daily: Cadenced = { cadence: 'daily', weekday: null, monthDay: null, hour: 8 };
    // Paris moves to summer time on 2026-03-29: 08:00 is 07:00 UTC before and 06:00 UTC after.
    expect(
      new Date(nextSlot(daily, 'Europe/Paris', Date.parse('2026-03-28T07:30:00Z')).at).toISOString(),
    ).toBe('2026-03-29T06:00:00.000Z');
    expect(
      new Date(nextSlot(daily, 'Europe/Paris', Date.parse('2026-03-27T12:00:00Z')).at).toISOString(),
    ).toBe('2026-03-28T07:00:00.000Z');
    // 02:00 does not exist that night: the send goes at 03:00 summer time.
    const atTwo = { ...daily, hour: 2 };
    expect(
      new Date(nextSlot(atTwo, 'Europe/Paris', Date.parse('2026-03-28T12:00:00Z')).at).toISOString(),
    ).toBe('2026-03-29T01:00:00.000Z');
  });

  it('sends a day-31 monthly report on the last day of a short month', () => {
    const monthly: Cadenced = { cadence: 'monthly', weekday: null, monthDay: 31, hour: 9 };
    expect(nextSlot(monthly, 'UTC', Date.parse('2026-02-01T00:00:00Z')).periodKey).toBe('2026-02-28');
    expect(nextSlot(monthly, 'UTC', Date.parse('2028-02-01T00:00:00Z')).periodKey).toBe('2028-02-29');
    expect(nextSlot(monthly, 'UTC', Date.parse('2026-04-01T00:00:00Z')).periodKey).toBe('2026-04-30');
    expect(nextSlot(monthly, 'UTC', Date.parse('2026-02-28T09:00:00Z')).periodKey).toBe('2026-03-31');
  });

  it('sends a weekly report on its weekday', () => {
    const weekly: Cadenced = { cadence: 'weekly', weekday: 1, monthDay: null, hour: 7 };
    // 2026-12-07 is a Monday.
    expect(nextSlot(weekly, 'UTC', Date.parse('2026-12-02T00:00:00Z')).periodKey).toBe('2026-12-07');
    expect(nextSlot(weekly, 'UTC', Date.parse('2026-12-07T07:00:00Z')).periodKey).toBe('2026-12-14');
  });

  it('reports the day, the seven days or the calendar month before the send', () => {
    expect(periodOfSend('daily', '2026-03-01')).toEqual({ from: '2026-02-28', to: '2026-02-28' });
    expect(periodOfSend('weekly', '2026-12-07')).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    expect(periodOfSend('monthly', '2026-03-31')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(periodOfSend('monthly', '2026-01-15')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
});
