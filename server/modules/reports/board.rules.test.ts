import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wallClockOf } from '../business-hours';
import { countByHour, todayByHour, todayIn } from './board.rules';

const london = (utcMs: number) => wallClockOf('Europe/London', utcMs);
const at = (iso: string) => Date.parse(iso);

describe('today on the board, by the wall clock of the desk', () => {
  it('starts at local midnight on an ordinary summer day', () => {
    expect(new Date(todayIn(at('2026-07-01T15:30:00Z'), london).from).toISOString()).toBe(
      '2026-06-30T23:00:00.000Z',
    );
  });

  it('starts at midnight before the clocks went forward, and counts the hours after by the new time', () => {
    // 2026-03-29: at 01:00 GMT the clocks go to 02:00 BST. Midnight was still GMT.
    const now = at('2026-03-29T10:30:00Z'); // 11:30 BST
    const today = todayIn(now, london);
    expect(new Date(today.from).toISOString()).toBe('2026-03-29T00:00:00.000Z');
    const hours = todayByHour(
      ['2026-03-29T09:10:00Z', '2026-03-29T00:30:00Z'],
      ['2026-03-29T10:05:00Z'],
      today,
      now,
      london,
    );
    expect(hours.at(-1)?.hour).toBe(11);
    expect(hours.find((h) => h.hour === 10)).toMatchObject({ incoming: 1, from: '2026-03-29T09:00:00.000Z' });
    expect(hours.find((h) => h.hour === 11)).toMatchObject({ solved: 1, from: '2026-03-29T10:00:00.000Z' });
    expect(hours.find((h) => h.hour === 0)).toMatchObject({ incoming: 1, from: '2026-03-29T00:00:00.000Z' });
  });

  it('starts at midnight in summer time on the day the clocks go back, and counts the repeated hour once', () => {
    // 2026-10-25: at 01:00 GMT (02:00 BST) the clocks go back to 01:00 GMT.
    const now = at('2026-10-25T12:15:00Z'); // 12:15 GMT
    const today = todayIn(now, london);
    expect(new Date(today.from).toISOString()).toBe('2026-10-24T23:00:00.000Z');
    const created = ['2026-10-25T00:10:00Z', '2026-10-25T01:10:00Z', '2026-10-25T12:00:00Z'];
    const hours = todayByHour(created, [], today, now, london);
    expect(hours.at(-1)?.hour).toBe(12);
    expect(hours.find((h) => h.hour === 1)?.incoming).toBe(2);
    expect(hours.find((h) => h.hour === 12)).toMatchObject({ incoming: 1, from: '2026-10-25T12:00:00.000Z' });
    expect(hours.reduce((n, h) => n + h.incoming, 0)).toBe(3);
  });

  it('reads UTC unchanged', () => {
    const utc = (ms: number) => ms;
    const now = at('2026-03-29T10:30:00Z');
    const today = todayIn(now, utc);
    expect(today.from).toBe(at('2026-03-29T00:00:00Z'));
    expect(todayByHour([], [], today, now, utc)).toHaveLength(11);
  });

  it('counts by hour exactly as asking the zone for every instant would, across the days its clocks change', () => {
    const HOUR = 3_600_000;
    const zones = [
      'Europe/London',
      'America/New_York',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Pacific/Chatham',
      'Australia/Lord_Howe',
    ];
    // Days with a change somewhere: late March, early April, late September, early October, early November.
    const days = ['2029-03-25', '2029-04-01', '2029-09-30', '2029-10-07', '2029-11-04'].map((d) =>
      Date.parse(`${d}T00:00:00Z`),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...days),
        fc.array(fc.integer({ min: -14 * HOUR, max: 38 * HOUR }), { maxLength: 300 }),
        (zone, day, offsets) => {
          const wallOf = (ms: number) => wallClockOf(zone, ms);
          const wallMidnight = Math.floor(wallOf(day) / (24 * HOUR)) * 24 * HOUR;
          const instants = offsets.map((o) => new Date(day + o).toISOString());
          const oracle = new Array<number>(24).fill(0);
          for (const at of instants) {
            const h = Math.floor((wallOf(Date.parse(at)) - wallMidnight) / HOUR);
            if (h >= 0 && h < 24) oracle[h] = (oracle[h] ?? 0) + 1;
          }
          expect(countByHour(instants, wallMidnight, wallOf)).toEqual(oracle);
        },
      ),
      { numRuns: 200 },
    );
  });
});
