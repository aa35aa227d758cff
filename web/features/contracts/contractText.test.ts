import { describe, expect, it } from 'vitest';
import { makeContract } from '../../test/fixtures';
import { contractFlag, currentContract, entitlementText, usagePercent, usageText } from './contractText';

describe('contract words', () => {
  it('says this month’s use against what is included, in tickets or hours', () => {
    const over = makeContract(1, { usage: { month: '2026-11', used: 12, included: 10, over: true } });
    expect(usageText(over)).toBe('12 of 10 tickets this month');
    expect(usagePercent(over)).toBe(100);
    const hours = makeContract(2, {
      entitlement: { kind: 'hours', perMonth: 20 },
      usage: { month: '2026-11', used: 3.5, included: 20, over: false },
    });
    expect(usageText(hours)).toBe('3.5 of 20 hours this month');
    expect(usagePercent(hours)).toBe(18);
    const one = makeContract(3, {
      entitlement: { kind: 'tickets', perMonth: 1 },
      usage: { month: '2026-11', used: 2, included: 1, over: true },
    });
    expect(usageText(one)).toBe('2 of 1 ticket this month');
    const none = makeContract(4, {
      entitlement: null,
      usage: { month: '2026-11', used: 1, included: null, over: false },
    });
    expect(usageText(none)).toBe('1 ticket this month');
    expect(usagePercent(none)).toBeNull();
    expect(entitlementText(none)).toBe('No set amount');
    expect(entitlementText(hours)).toBe('20 hours a month');
  });

  it('flags an expired contract red, usage past the entitlement orange, and otherwise names the plan', () => {
    expect(contractFlag(makeContract(1, { status: 'expired', endsOn: '2026-12-01' }))).toEqual({
      tone: 'danger',
      text: 'Contract expired on 2026-12-01',
    });
    const over = makeContract(2, { usage: { month: '2026-11', used: 12, included: 10, over: true } });
    expect(contractFlag(over)).toEqual({
      tone: 'warning',
      text: 'Over entitlement: 12 of 10 tickets this month',
    });
    // Expired speaks louder than over.
    expect(contractFlag({ ...over, status: 'expired' })?.tone).toBe('danger');
    expect(contractFlag(makeContract(3, { plan: 'Gold' }))).toEqual({ tone: 'quiet', text: 'Plan: Gold' });
    expect(contractFlag(null)).toBeNull();
  });

  it('picks the contract that speaks for the organisation today: the last one started, running or ended', () => {
    const old = makeContract(1, { status: 'expired', startsOn: '2024-01-01' });
    const running = makeContract(2, { status: 'active', startsOn: '2025-06-01' });
    const next = makeContract(3, { status: 'upcoming', startsOn: '2027-01-01' });
    expect(currentContract([next, old, running])?.id).toBe(2);
    expect(currentContract([old, next])?.id).toBe(1);
    expect(currentContract([next])).toBeNull();
    const sameDay = makeContract(4, { status: 'active', startsOn: '2025-06-01' });
    expect(currentContract([sameDay, running])?.id).toBe(4);
  });
});
