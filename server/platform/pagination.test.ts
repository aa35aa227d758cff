import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { cursorId, decodeCursor, encodeCursor, splitPage } from './pagination';

describe('cursor pagination', () => {
  it('round-trips any key', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), fc.integer()), { minLength: 1, maxLength: 3 }), (key) => {
        expect(decodeCursor(encodeCursor(key))).toEqual(key);
      }),
    );
  });

  it('walking pages visits every row once, in order (oracle: the whole list)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 20 }), (total, limit) => {
        const rows = Array.from({ length: total }, (_, i) => total - i);
        const seen: number[] = [];
        let after: number | null = null;
        for (let guard = 0; guard <= total + 1; guard += 1) {
          const window = rows.filter((id) => after === null || id < after).slice(0, limit + 1);
          const page = splitPage(window, limit, (id) => [id]);
          seen.push(...page.rows);
          if (!page.nextCursor) break;
          after = cursorId(page.nextCursor);
        }
        expect(seen).toEqual(rows);
      }),
    );
  });

  it('rejects garbage with a validation error', () => {
    expect(() => decodeCursor('%%%')).toThrow(AppError);
    expect(() => cursorId(encodeCursor(['text']))).toThrow(AppError);
  });
});
