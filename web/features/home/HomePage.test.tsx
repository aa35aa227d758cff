import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Board } from '../../../contracts/board';
import type { MyScores } from '../../../contracts/feedback-loop';
import type { Workload } from '../../../contracts/workload';
import { makeGoal, makeTicket, me } from '../../test/fixtures';
import { deferred, replyError, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { HomePage } from './HomePage';

const n = (count: number, countCapped = false) => ({ count, countCapped });

const managerWorkload: Workload = {
  scope: 'all',
  mine: { open: n(2), pending: n(1) },
  teams: [
    { team: { id: 3, name: 'Billing' }, open: n(12), unassigned: n(4), pending: n(3) },
    { team: { id: 4, name: 'Shipping' }, open: n(1000, true), unassigned: n(0), pending: n(7) },
    { team: null, open: n(2), unassigned: n(2), pending: n(0) },
  ],
  oldestUnassigned: {
    id: 88,
    subject: 'Refund never arrived',
    priority: 'high',
    createdAt: '2026-11-18T09:00:00.000Z',
    team: { id: 3, name: 'Billing' },
  },
};

/** An agent's own scores card: no answers yet in either period. */
const noScores: MyScores = {
  current: { from: '2026-10-19T10:00:00.000Z', answers: 0, csat: null, ces: null },
  previous: { from: '2026-09-19T10:00:00.000Z', answers: 0, csat: null, ces: null },
  latestComments: [],
};

function stubHome(workload: unknown) {
  return stubNetwork({
    'GET /workload': workload,
    'GET /views': { data: [] },
    'GET /tickets': { data: [], nextCursor: null },
    'GET /survey-answers/mine': noScores,
    'GET /goals': { data: [] },
  });
}

const manager = { ...me, role: 'manager' as const };

const zeroStatuses = { new: 0, open: 0, pending: 0, on_hold: 0, solved: 0, closed: 0 };
const board: Board = {
  scope: 'all',
  teamIds: null,
  generatedAt: '2026-11-18T10:00:00.000Z',
  backlog: {
    open: 7,
    byStatus: { ...zeroStatuses, new: 3, open: 4 },
    byTeam: [
      {
        team: { id: 3, name: 'Billing' },
        open: 7,
        byStatus: { ...zeroStatuses, new: 3, open: 4 },
        unassigned: 3,
      },
    ],
  },
  unassigned: {
    count: 3,
    oldestAt: '2026-11-17T10:00:00.000Z',
    buckets: [
      {
        key: 'under1h',
        label: 'Under 1 hour',
        count: 1,
        createdAfter: '2026-11-18T09:00:00.000Z',
        createdBefore: null,
      },
      {
        key: 'under4h',
        label: '1 to 4 hours',
        count: 1,
        createdAfter: '2026-11-18T06:00:00.000Z',
        createdBefore: '2026-11-18T09:00:00.000Z',
      },
      {
        key: 'under24h',
        label: '4 to 24 hours',
        count: 0,
        createdAfter: '2026-11-17T10:00:00.000Z',
        createdBefore: '2026-11-18T06:00:00.000Z',
      },
      {
        key: 'over24h',
        label: 'Over a day',
        count: 1,
        createdAfter: null,
        createdBefore: '2026-11-17T10:00:00.000Z',
      },
    ],
  },
  sla: { breached: 2, breachingSoon: 1, soonUntil: '2026-11-18T11:00:00.000Z' },
  agents: [
    { id: 5, name: 'Rosa Moreau', presence: { status: 'online', reason: 'set', changedAt: null }, load: 5 },
  ],
  today: {
    timezone: 'UTC',
    from: '2026-11-18T00:00:00.000Z',
    incoming: 9,
    solved: 4,
    hours: [{ hour: 0, from: '2026-11-18T00:00:00.000Z', incoming: 9, solved: 4 }],
  },
  alerts: [
    {
      kind: 'unassigned',
      title: '3 tickets unassigned over 30 min in Billing',
      since: '2026-11-18T09:30:00.000Z',
      ticketIds: [1, 2, 3],
    },
  ],
};

describe('HomePage', () => {
  it('lands a manager on the operations board, each figure a way into the tickets behind it', async () => {
    stubNetwork({ 'GET /board': board, 'GET /goals': { data: [] } });
    renderWithProviders(<HomePage />, { me: manager });
    expect(await screen.findByRole('link', { name: '7 open backlog' })).toHaveAttribute(
      'href',
      `/inbox/all?f=${encodeURIComponent('{"status":["new","open","pending","on_hold"]}')}`,
    );
    expect(screen.getByRole('link', { name: '2 breached' })).toHaveAttribute(
      'href',
      `/inbox/all?f=${encodeURIComponent('{"status":["new","open","pending","on_hold"],"slaDueBefore":"now"}')}`,
    );
    const table = screen.getByRole('table', { name: 'Backlog by team and status' });
    expect(within(table).getByRole('link', { name: '3 unassigned in Billing' })).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Incoming and solved tickets by hour today (UTC)' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '5 open tickets assigned to Rosa Moreau' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Alerts' })).toHaveTextContent(
      '3 tickets unassigned over 30 min in Billing',
    );
  });

  it('shows the team queues, each figure a way into the Inbox, and the oldest unassigned ticket', async () => {
    stubHome(managerWorkload);
    renderWithProviders(<HomePage />, { me });

    const table = await screen.findByRole('table', { name: 'Team queues' });
    const billing = within(table).getByRole('row', { name: /Billing/ });
    expect(within(billing).getByRole('link', { name: '4 unassigned in Billing' })).toHaveAttribute(
      'href',
      `/inbox/unassigned?f=${encodeURIComponent('{"team":[3]}')}`,
    );
    const shipping = within(table).getByRole('row', { name: /Shipping/ });
    expect(within(shipping).getByRole('link', { name: '1,000+ open in Shipping' })).toBeInTheDocument();
    // Nothing to open: a zero is not a link.
    expect(within(shipping).queryByRole('link', { name: /unassigned/ })).toBeNull();
    expect(within(table).getByRole('row', { name: /No team/ })).toBeInTheDocument();

    expect(screen.getByRole('link', { name: 'Your open tickets: 2' })).toHaveAttribute(
      'href',
      '/inbox/my-open',
    );
    expect(screen.getByRole('link', { name: 'Unassigned in all teams: 6' })).toBeInTheDocument();
    const oldest = screen.getByRole('region', { name: 'Waiting longest for an owner' });
    expect(within(oldest).getByRole('link', { name: '#88 Refund never arrived' })).toHaveAttribute(
      'href',
      '/inbox/unassigned/tickets/88',
    );
  });

  it('shows an agent their own numbers and says what is true when they are in no team and nothing waits', async () => {
    stubHome({ scope: 'own', mine: { open: n(0), pending: n(0) }, teams: [], oldestUnassigned: null });
    renderWithProviders(<HomePage />, { me: { ...me, teams: [] } });

    expect(await screen.findByRole('link', { name: 'Your open tickets: 0' })).toBeInTheDocument();
    expect(screen.getByText('You are not in a team yet')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Set up teams' })).toBeNull();
    const next = screen.getByRole('region', { name: 'Next to pick up' });
    expect(within(next).getByText('Every open ticket has an owner')).toBeInTheDocument();
  });

  it('shows the service-level clock on each of the agent’s open tickets that has one', async () => {
    const net = stubHome({
      scope: 'own',
      mine: { open: n(2), pending: n(0) },
      teams: [],
      oldestUnassigned: null,
    });
    const dueAt = new Date(Date.now() + 45 * 60_000 + 30_000).toISOString();
    net.on('GET /tickets', {
      data: [
        makeTicket(5, {
          subject: 'Kettle never arrived',
          sla: { metric: 'first_reply', dueAt, warnAt: null },
        }),
        makeTicket(6, { subject: 'Change my address' }),
      ],
      nextCursor: null,
    });
    renderWithProviders(<HomePage />, { me });
    const list = await screen.findByRole('list', { name: 'Your open tickets' });
    const rows = await within(list).findAllByRole('listitem');
    expect(within(rows[0]!).getByText('First reply · 46 min left')).toBeInTheDocument();
    expect(within(rows[1]!).queryByText(/First reply ·/)).toBeNull();
  });

  it('shows an agent the goals that concern them, with how each is going', async () => {
    const network = stubHome(managerWorkload);
    network.on('GET /goals', { data: [makeGoal(1)] });
    renderWithProviders(<HomePage />, { me });
    const card = await screen.findByRole('article', { name: 'Billing CSAT' });
    expect(within(card).getByText('At risk')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Billing' })).toHaveAttribute(
      'href',
      '/scorecards/teams/3',
    );
    expect(
      within(card).getByRole('progressbar', { name: /Billing CSAT: 80\.0 % against a target of 90\.0 %/ }),
    ).toBeInTheDocument();
  });

  it('says it is loading, then what went wrong, with a retry', async () => {
    const slow = deferred();
    const network = stubHome(slow.answer);
    renderWithProviders(<HomePage />, { me });
    expect(screen.getByRole('status', { name: 'Loading your numbers' })).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Loading the team queues' })).toBeInTheDocument();
    slow.resolve(replyError(503, 'UNAVAILABLE', 'The database does not answer'));
    expect(await screen.findByText('The queues could not be loaded')).toBeInTheDocument();

    network.on('GET /workload', managerWorkload);
    screen.getByRole('button', { name: /try again|retry/i }).click();
    expect(await screen.findByRole('table', { name: 'Team queues' })).toBeInTheDocument();
  });
});
