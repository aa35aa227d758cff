import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cesOf, csatOf, isPositiveRating, npsOf, ratingLabel, ratingsOf } from '../../contracts/feedback';

describe('CSAT', () => {
  it('is the share of positive answers, in percent; null without answers', () => {
    expect(csatOf([])).toBeNull();
    expect(csatOf([{ positive: true }, { positive: false }, { positive: true }, { positive: true }])).toBe(
      75,
    );
    expect(csatOf([{ positive: false }])).toBe(0);
  });

  it('counts 4 and 5 as positive on the five-point scale, good on the two-point one', () => {
    expect(ratingsOf('five').filter((r) => isPositiveRating('five', r))).toEqual([5, 4]);
    expect(ratingsOf('binary').filter((r) => isPositiveRating('binary', r))).toEqual([1]);
    expect(ratingLabel('binary', 0)).toBe('Bad');
    expect(ratingLabel('five', 3)).toBe('Neutral');
  });

  it('a changed answer moves the score as if it had been given so at once', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 60 }),
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        (ratings, at, next) => {
          const i = at % ratings.length;
          const changed = ratings.map((r, j) => (j === i ? next : r));
          const score = csatOf(changed.map((r) => ({ positive: isPositiveRating('five', r) })));
          const positives = changed.filter((r) => r >= 4).length;
          expect(score).toBeCloseTo((100 * positives) / changed.length, 10);
        },
      ),
    );
  });
});

describe('CES', () => {
  it('is the average of the effort scores given, skipping answers without one', () => {
    expect(cesOf([])).toBeNull();
    expect(cesOf([null, null])).toBeNull();
    expect(cesOf([7, null, 5, 6])).toBe(6);
  });
});

describe('NPS', () => {
  it('is percent promoters minus percent detractors', () => {
    expect(npsOf([])).toBeNull();
    expect(npsOf([10, 9, 10])).toBe(100);
    expect(npsOf([0, 6, 3])).toBe(-100);
    expect(npsOf([7, 8])).toBe(0);
    expect(npsOf([10, 9, 8, 7, 6])).toBe(20);
  });

  it('always lies between −100 and 100, and against a counting oracle', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 }), (scores) => {
        const nps = npsOf(scores)!;
        let promoters = 0;
        let detractors = 0;
        for (const s of scores) {
          if (s >= 9) promoters += 1;
          else if (s <= 6) detractors += 1;
        }
        expect(nps).toBeGreaterThanOrEqual(-100);
        expect(nps).toBeLessThanOrEqual(100);
        expect(nps).toBeCloseTo(((promoters - detractors) / scores.length) * 100, 10);
      }),
    );
  });
});
