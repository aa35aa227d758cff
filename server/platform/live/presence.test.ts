import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PresenceBoard } from './presence';

describe('presence board', () => {
  it('matches a simple model of who watches (oracle: set of node:user keys)', () => {
    const event = fc.record({
      userId: fc.integer({ min: 1, max: 4 }),
      node: fc.constantFrom('a', 'b'),
      watching: fc.boolean(),
      replying: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        const board = new PresenceBoard();
        const model = new Map<string, boolean>();
        for (const e of events) {
          board.apply({ ...e, ticketId: 7, name: `U${e.userId}` });
          if (e.watching) model.set(`${e.node}:${e.userId}`, e.replying);
          else model.delete(`${e.node}:${e.userId}`);
        }
        const expected = new Map<number, boolean>();
        for (const [key, replying] of model) {
          const userId = Number(key.split(':')[1]);
          expected.set(userId, (expected.get(userId) ?? false) || replying);
        }
        expect(board.viewers(7).map((v) => [v.userId, v.replying])).toEqual(
          [...expected].sort((a, b) => a[0] - b[0]),
        );
      }),
    );
  });
});
