import { describe, expect, it } from 'vitest';
import { ticketClocks } from './TicketClock';

const HOUR = 3600_000;
const now = Date.parse('2026-01-10T12:00:00Z');
const ago = (hours: number) => new Date(now - hours * HOUR).toISOString();
const base = {
  status: 'open' as const,
  createdAt: ago(72),
  firstReplyAt: null,
  waitingSince: null,
  dueAt: null,
};
const texts = (ticket: Parameters<typeof ticketClocks>[0]) => ticketClocks(ticket, now).map((c) => c.text);

describe('ticket clocks', () => {
  it('a customer waiting for a first reply: since they wrote', () => {
    expect(texts({ ...base, waitingSince: ago(72) })).toEqual(['No reply yet · waiting 3 days']);
  });

  it('once answered, the first reply; a customer writing again waits since then', () => {
    expect(texts({ ...base, firstReplyAt: ago(70) })).toEqual(['First reply after 2 h']);
    expect(texts({ ...base, firstReplyAt: ago(70), waitingSince: ago(5) })).toEqual(['Customer waiting 5 h']);
  });

  it('a ticket an agent opened, with nobody waiting, claims no wait; done tickets have no clocks', () => {
    expect(texts(base)).toEqual([]);
    expect(texts({ ...base, status: 'solved', waitingSince: ago(3), dueAt: ago(1) })).toEqual([]);
  });
});
