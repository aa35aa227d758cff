import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { elapsedOf, forecastOf, periodDates, periodLabel, trajectoryOf } from './goals.rules';

describe('goal periods', () => {
  it('turns a month, a quarter and custom dates into first and last days', () => {
    expect(periodDates({ kind: 'month', month: '2026-02' })).toEqual({
      kind: 'month',
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(periodDates({ kind: 'month', month: '2028-02' }).to).toBe('2028-02-29');
    expect(periodDates({ kind: 'month', month: '2026-12' }).to).toBe('2026-12-31');
    expect(periodDates({ kind: 'quarter', quarter: '2026-Q4' })).toEqual({
      kind: 'quarter',
      from: '2026-10-01',
      to: '2026-12-31',
    });
    expect(periodDates({ kind: 'quarter', quarter: '2026-Q1' }).to).toBe('2026-03-31');
    expect(periodDates({ kind: 'custom', from: '2026-12-01', to: '2026-12-15' }).to).toBe('2026-12-15');
  });

  it('reads as a month, a quarter or dates', () => {
    expect(periodLabel(periodDates({ kind: 'month', month: '2026-12' }))).toBe('December 2026');
    expect(periodLabel(periodDates({ kind: 'quarter', quarter: '2027-Q2' }))).toBe('Q2 2027');
    expect(periodLabel({ kind: 'custom', from: '2026-12-01', to: '2026-12-15' })).toBe(
      '2026-12-01 – 2026-12-15',
    );
  });

  it('counts whole days elapsed, today included', () => {
    const december = { from: '2026-12-01', to: '2026-12-31' };
    expect(elapsedOf(december, '2026-11-30')).toEqual({ through: null, share: 0 });
    expect(elapsedOf(december, '2026-12-01')).toEqual({ through: '2026-12-01', share: 1 / 31 });
    expect(elapsedOf(december, '2026-12-31')).toEqual({ through: '2026-12-31', share: 1 });
    expect(elapsedOf(december, '2027-01-05')).toEqual({ through: '2026-12-31', share: 1 });
  });

  it('every month and quarter is whole: its first day starts it and the share only grows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), (year, month) => {
        const p = periodDates({ kind: 'month', month: `${year}-${String(month).padStart(2, '0')}` });
        const next = new Date(Date.parse(p.to) + 86_400_000).toISOString().slice(0, 10);
        expect(next.endsWith('-01')).toBe(true);
        expect(elapsedOf(p, p.from).share).toBeLessThanOrEqual(elapsedOf(p, p.to).share);
        expect(elapsedOf(p, p.to).share).toBe(1);
      }),
    );
  });
});

describe('trajectory', () => {
  const count = { shape: 'count', direction: 'higher', target: 100 } as const;
  const rate = { shape: 'level', direction: 'higher', target: 90 } as const;
  const median = { shape: 'level', direction: 'lower', target: 4 } as const;

  it('extrapolates a count to the whole period', () => {
    expect(forecastOf({ shape: 'count', value: 30, elapsed: 0.25 })).toBe(120);
    expect(trajectoryOf({ ...count, value: 30, elapsed: 0.25 })).toBe('on_track');
    expect(trajectoryOf({ ...count, value: 20, elapsed: 0.25 })).toBe('at_risk');
    expect(trajectoryOf({ ...count, value: 100, elapsed: 0.5 })).toBe('achieved');
    expect(trajectoryOf({ ...count, value: 99, elapsed: 1 })).toBe('missed');
  });

  it('a lower-is-better count is missed once past its target', () => {
    const lower = { shape: 'count', direction: 'lower', target: 10 } as const;
    expect(trajectoryOf({ ...lower, value: 11, elapsed: 0.5 })).toBe('missed');
    expect(trajectoryOf({ ...lower, value: 4, elapsed: 0.5 })).toBe('on_track');
    expect(trajectoryOf({ ...lower, value: 6, elapsed: 0.5 })).toBe('at_risk');
  });

  it('reads a rate or a median as it stands, with a 5 % band', () => {
    expect(trajectoryOf({ ...rate, value: 91, elapsed: 0.5 })).toBe('on_track');
    expect(trajectoryOf({ ...rate, value: 86, elapsed: 0.5 })).toBe('on_track');
    expect(trajectoryOf({ ...rate, value: 85, elapsed: 0.5 })).toBe('at_risk');
    expect(trajectoryOf({ ...rate, value: 89, elapsed: 1 })).toBe('missed');
    expect(trajectoryOf({ ...median, value: 4.2, elapsed: 0.5 })).toBe('on_track');
    expect(trajectoryOf({ ...median, value: 5, elapsed: 0.5 })).toBe('at_risk');
    expect(trajectoryOf({ ...median, value: 3, elapsed: 1 })).toBe('achieved');
  });

  it('is pending before the period or before anything is measured', () => {
    expect(trajectoryOf({ ...rate, value: null, elapsed: 0 })).toBe('pending');
    expect(trajectoryOf({ ...rate, value: null, elapsed: 0.4 })).toBe('pending');
    expect(trajectoryOf({ ...rate, value: null, elapsed: 1 })).toBe('missed');
  });

  it('an ended period is achieved exactly when the value meets the target', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('count', 'level'),
        fc.constantFrom('higher', 'lower'),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (shape, direction, target, value) => {
          const t = trajectoryOf({ shape, direction, target, value, elapsed: 1 });
          const meets = direction === 'higher' ? value >= target : value <= target;
          expect(t).toBe(meets ? 'achieved' : 'missed');
        },
      ),
    );
  });

  it('a better value never gives a worse trajectory (monotone in the value)', () => {
    const rank = { missed: 0, at_risk: 1, pending: 2, on_track: 2, achieved: 3 } as const;
    fc.assert(
      fc.property(
        fc.constantFrom('count', 'level'),
        fc.constantFrom('higher', 'lower'),
        fc.double({ min: 1, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (shape, direction, target, value, delta, elapsed) => {
          const better = direction === 'higher' ? value + delta : Math.max(0, value - delta);
          const a = trajectoryOf({ shape, direction, target, value, elapsed });
          const b = trajectoryOf({ shape, direction, target, value: better, elapsed });
          expect(rank[b]).toBeGreaterThanOrEqual(rank[a]);
        },
      ),
    );
  });
});
