import { describe, expect, it } from 'vitest';
import type { View } from '../../../contracts/tickets';
import { type EmptyQueueFacts, emptyQueueOf } from './emptyQueue';

const view = (id: string, count: number | null, name = id): View => ({
  id,
  name,
  builtIn: !/^\d+$/.test(id),
  shared: true,
  filters: {},
  sort: { by: 'updated_at', dir: 'desc' },
  columns: ['id'],
  count,
  countCapped: false,
});
const facts = (all: number | null, unassigned: number | null, more: Partial<EmptyQueueFacts> = {}) => ({
  views: [view('all', all), view('unassigned', unassigned)],
  teams: [{ name: 'Frontline' }],
  managesChannels: false,
  ...more,
});

describe('what an empty queue says', () => {
  it('on a fresh install, every queue says how tickets arrive, never to pick one up', () => {
    for (const id of ['all', 'my-open', 'my-teams', 'escalated', '12']) {
      const empty = emptyQueueOf(id, undefined, facts(0, 0));
      expect(empty.title).toBe('No tickets yet');
      expect(empty.description).toMatch(/arrive by mail, from the contact form and from the customer portal/);
      expect(empty.description).not.toMatch(/unassigned/i);
      expect(empty.actions).toEqual(['new-ticket']);
    }
    expect(emptyQueueOf('all', undefined, facts(0, 0, { managesChannels: true })).actions).toEqual([
      'set-up-mail',
      'new-ticket',
    ]);
  });

  it('sends an agent with nothing assigned to Unassigned only when tickets wait there', () => {
    expect(emptyQueueOf('my-open', undefined, facts(40, 3))).toEqual({
      title: 'Nothing assigned to you',
      description: 'Open tickets assigned to you show here. 3 tickets wait for an owner in Unassigned.',
      actions: ['unassigned'],
    });
    expect(emptyQueueOf('my-open', undefined, facts(40, 1)).description).toMatch(/1 ticket waits/);
    expect(emptyQueueOf('my-open', undefined, facts(40, 0))).toMatchObject({
      description: 'Open tickets assigned to you show here. No ticket is waiting for an owner either.',
      actions: [],
    });
    // Counts not known (yet): nothing claimed about other queues.
    expect(emptyQueueOf('my-open', undefined, facts(null, null))).toMatchObject({
      description: 'Open tickets assigned to you show here.',
      actions: [],
    });
  });

  it('says what each queue holds, for the viewer', () => {
    expect(emptyQueueOf('unassigned', undefined, facts(5, 0)).description).toBe(
      'Every open ticket has an owner.',
    );
    expect(emptyQueueOf('my-teams', undefined, facts(5, 0, { teams: [] })).title).toBe('You are in no team');
    expect(
      emptyQueueOf(
        'my-teams',
        undefined,
        facts(5, 2, { teams: [{ name: 'Frontline' }, { name: 'Billing' }] }),
      ),
    ).toMatchObject({
      title: 'Nothing open for your teams',
      description:
        'No open ticket is in the queue of Frontline and Billing. 2 tickets wait for an owner in Unassigned.',
    });
    expect(emptyQueueOf('escalated', undefined, facts(5, 0)).title).toBe('Nothing escalated');
    expect(emptyQueueOf('pending', undefined, facts(5, 0)).title).toBe('Nobody to wait for');
    expect(emptyQueueOf('recently-solved', undefined, facts(5, 0)).title).toBe('Nothing solved recently');
    expect(emptyQueueOf('breaching-soon', undefined, facts(5, 0))).toMatchObject({
      title: 'Nothing breaching soon',
      actions: [],
    });
    expect(emptyQueueOf('12', view('12', 0, 'VIP refunds'), facts(5, 0)).description).toBe(
      'No ticket matches the filters of “VIP refunds” right now.',
    );
  });
});
