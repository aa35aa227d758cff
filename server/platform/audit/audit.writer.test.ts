import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff } from './audit.writer';

const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
);
const record = fc.dictionary(fc.constantFrom('name', 'email', 'role', 'skills', 'teams', 'password'), value);

describe('audit diff', () => {
  it('lists exactly the fields whose values differ (oracle: compare JSON of each key)', () => {
    fc.assert(
      fc.property(record, record, (before, after) => {
        const changes = diff(before, after);
        const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
        const expected = [...keys].filter(
          (k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null),
        );
        expect(Object.keys(changes).sort()).toEqual(expected.sort());
      }),
    );
  });

  it('never reveals secret values', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (a, b) => {
        fc.pre(a !== b);
        const changes = diff({ password: a }, { password: b });
        expect(changes.password).toEqual({ before: '[redacted]', after: '[redacted]' });
      }),
    );
  });

  it('records creation and deletion as null on the missing side', () => {
    expect(diff(null, { name: 'Ann' })).toEqual({ name: { before: null, after: 'Ann' } });
    expect(diff({ name: 'Ann' }, null)).toEqual({ name: { before: 'Ann', after: null } });
    expect(diff({ skills: ['a'] }, { skills: ['a'] })).toEqual({});
  });
});
