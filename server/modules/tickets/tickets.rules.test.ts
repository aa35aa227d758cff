import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ticketStatuses } from '../../../contracts/tickets';
import {
  autoCloseCutoff,
  canTransition,
  statusAfterAgentReply,
  statusAfterAssignment,
  statusAfterCustomerReply,
} from './tickets.rules';

const status = fc.constantFrom(...ticketStatuses);

describe('ticket lifecycle', () => {
  it('closed is final and nothing goes back to new', () => {
    fc.assert(
      fc.property(status, (to) => {
        expect(canTransition('closed', to)).toBe(to === 'closed');
        if (to === 'new')
          for (const from of ticketStatuses) expect(canTransition(from, 'new')).toBe(from === 'new');
      }),
    );
  });

  it('only solved tickets can be closed', () => {
    for (const from of ticketStatuses)
      expect(canTransition(from, 'closed')).toBe(from === 'solved' || from === 'closed');
  });

  it('every status except closed can reach solved', () => {
    for (const from of ticketStatuses) expect(canTransition(from, 'solved')).toBe(from !== 'closed');
  });

  it('a customer reply reopens solved and pending tickets and leaves the rest', () => {
    fc.assert(
      fc.property(status, (from) => {
        const to = statusAfterCustomerReply(from);
        expect(to).toBe(from === 'solved' || from === 'pending' ? 'open' : from);
        expect(canTransition(from, to)).toBe(true);
      }),
    );
  });

  it('an agent reply opens a new ticket unless a status was chosen', () => {
    expect(statusAfterAgentReply('new', undefined)).toBe('open');
    expect(statusAfterAgentReply('new', 'pending')).toBe('pending');
    expect(statusAfterAgentReply('on_hold', undefined)).toBe('on_hold');
  });

  it('assigning a new ticket opens it', () => {
    expect(statusAfterAssignment('new', 5)).toBe('open');
    expect(statusAfterAssignment('new', null)).toBe('new');
    expect(statusAfterAssignment('pending', 5)).toBe('pending');
  });

  it('the auto-close cutoff is exactly N days back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        (ms, days) => {
          expect(Date.parse(autoCloseCutoff(new Date(ms), days))).toBe(ms - days * 86_400_000);
        },
      ),
    );
  });
});
