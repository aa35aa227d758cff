import { describe, expect, it } from 'vitest';
import { npsOf } from '../../../contracts/feedback';
import { nextRunAfter, npsGroupOf, npsQuestionText } from '../../../contracts/nps';

describe('NPS formulas', () => {
  it('has no score without answers', () => {
    expect(npsOf([])).toBeNull();
  });

  it('is 100 when everyone promotes and −100 when everyone detracts', () => {
    expect(npsOf([9, 10, 10])).toBe(100);
    expect(npsOf([0, 3, 6])).toBe(-100);
  });

  it('counts passives in the total but in neither group', () => {
    expect(npsOf([7, 8])).toBe(0);
    expect(npsOf([10, 8, 6, 9])).toBe(25);
  });

  it('follows a changed answer: the score is of the answers as they stand', () => {
    const answers = new Map([
      [1, 10],
      [2, 3],
    ]);
    expect(npsOf([...answers.values()])).toBe(0);
    answers.set(2, 9);
    expect(npsOf([...answers.values()])).toBe(100);
  });

  it('groups scores at the 6/7 and 8/9 edges', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsGroupOf)).toEqual([
      'detractor',
      'detractor',
      'passive',
      'passive',
      'promoter',
      'promoter',
    ]);
  });

  it('names the company in the question, and says "us" without a name', () => {
    expect(npsQuestionText('Recommend {company}? {company}!', 'Acme')).toBe('Recommend Acme? Acme!');
    expect(npsQuestionText('Recommend {company}?', '')).toBe('Recommend us?');
  });

  it('runs monthly and quarterly on the same day, clamped to short months; once runs once', () => {
    expect(nextRunAfter('once', '2026-01-31T09:00:00.000Z')).toBeNull();
    expect(nextRunAfter('monthly', '2026-01-31T09:00:00.000Z')).toBe('2026-02-28T09:00:00.000Z');
    expect(nextRunAfter('quarterly', '2026-11-15T09:00:00.000Z')).toBe('2027-02-15T09:00:00.000Z');
  });
});
