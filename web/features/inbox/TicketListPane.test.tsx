import { screen, waitFor, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { View } from '../../../contracts/tickets';
import { makeTicket, makeUser, page } from '../../test/fixtures';
import { replyError, type StubRequest, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { TicketListPane } from './TicketListPane';

type Props = ComponentProps<typeof TicketListPane>;

const view = (id: string, count: number): View => ({
  id,
  name: id,
  builtIn: true,
  shared: true,
  filters: {},
  sort: { by: 'updated_at', dir: 'desc' },
  columns: ['id', 'subject'],
  count,
  countCapped: false,
});

const three = [
  makeTicket(11, { subject: 'Printer on fire' }),
  makeTicket(12, { subject: 'Refund for order 5531' }),
  makeTicket(13, { subject: 'Password reset loops' }),
];

function stubList(tickets = three) {
  return stubNetwork({
    'GET /tickets': page(tickets),
    'GET /users': page([makeUser(2, 'Brian Kernighan', 'bwk@example.test')]),
    'GET /teams': page([]),
  });
}

function renderList(overrides: Partial<Props> = {}) {
  const props: Props = {
    viewId: 'my-open',
    view: undefined,
    openTicketId: null,
    q: '',
    filters: {},
    onQChange: vi.fn(),
    onFiltersChange: vi.fn(),
    sort: null,
    onSortChange: vi.fn(),
    columns: null,
    onColumnsChange: vi.fn(),
    mode: 'cards',
    onModeChange: vi.fn(),
    search: '',
    onShowViews: null,
    onNewTicket: vi.fn(),
    onSaveView: vi.fn(),
    ...overrides,
  };
  const rendered = renderWithProviders(<TicketListPane {...props} />, { route: '/inbox/my-open' });
  return { ...rendered, props };
}

const rowLinks = () =>
  within(screen.getByRole('list', { name: 'Tickets' }))
    .getAllByRole('link')
    .map((link) =>
      ['id', 'subject']
        .map((column) => link.querySelector(`[data-column="${column}"]`)?.textContent)
        .join(' '),
    );

const bulkStatus = () => screen.queryByText(/tickets? selected$/);

describe('TicketListPane', () => {
  it('shows the rows of the first page, asked for with the view', async () => {
    const net = stubList();
    renderList();

    await screen.findByRole('list', { name: 'Tickets' });
    expect(rowLinks()).toEqual([
      '#11 Printer on fire',
      '#12 Refund for order 5531',
      '#13 Password reset loops',
    ]);
    expect(screen.getByText("3 tickets shown — that's all")).toBeInTheDocument();
    const [call] = net.callsTo('GET /tickets');
    expect(call?.query.get('view')).toBe('my-open');
    expect(call?.query.get('limit')).toBe('50');
    expect(call?.query.has('cursor')).toBe(false);
  });

  it('loads the next page after the last and appends its rows', async () => {
    const net = stubList();
    net.on('GET /tickets', (request: StubRequest) =>
      request.query.get('cursor') === 'page-2' ? page([three[2]]) : page(three.slice(0, 2), 'page-2'),
    );
    const { user } = renderList();

    await screen.findByRole('list', { name: 'Tickets' });
    expect(rowLinks()).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Load more' }));

    await screen.findByText("3 tickets shown — that's all");
    expect(rowLinks()).toHaveLength(3);
    expect(net.callsTo('GET /tickets').map((c) => c.query.get('cursor'))).toEqual([null, 'page-2']);
  });

  it('says when nothing is assigned, and offers the unassigned queue when tickets wait there', async () => {
    const net = stubList([]);
    net.on('GET /views', { data: [view('all', 12), view('unassigned', 2)] });
    renderList();

    expect(await screen.findByText('Nothing assigned to you')).toBeInTheDocument();
    expect(await screen.findByText(/2 tickets wait for an owner in Unassigned/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Unassigned' })).toHaveAttribute(
      'href',
      '/inbox/unassigned',
    );
    expect(screen.queryByLabelText('Select all shown')).not.toBeInTheDocument();
  });

  it('on a help desk with no tickets yet, says how tickets arrive and offers to open one', async () => {
    const net = stubList([]);
    net.on('GET /views', { data: [view('all', 0), view('unassigned', 0)] });
    const { user, props } = renderList({ viewId: 'all' });

    expect(await screen.findByText('No tickets yet')).toBeInTheDocument();
    expect(screen.getByText(/Tickets arrive by mail/)).toBeInTheDocument();
    expect(screen.queryByText(/unassigned/i)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Open a ticket' }));
    expect(props.onNewTicket).toHaveBeenCalled();
  });

  it('with a search that matches nothing, offers to clear the search and filters', async () => {
    stubList([]);
    const { user, props } = renderList({ q: 'zebra', filters: { priority: ['urgent'] } });

    expect(await screen.findByText('No tickets match')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    expect(props.onQChange).toHaveBeenCalledWith('');
    expect(props.onFiltersChange).toHaveBeenCalledWith({});
  });

  it('shows an error with a retry when the list cannot be loaded', async () => {
    const net = stubList();
    net.on('GET /tickets', replyError(500, 'INTERNAL', 'The database is unavailable.'));
    const { user } = renderList();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Tickets could not be loaded');
    expect(alert).toHaveTextContent('The database is unavailable.');
    net.on('GET /tickets', page(three));
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await screen.findByRole('list', { name: 'Tickets' });
    expect(rowLinks()).toHaveLength(3);
  });

  it('ticking rows brings up the bulk bar with the count; unticking hides it', async () => {
    stubList();
    const { user } = renderList();
    await screen.findByRole('list', { name: 'Tickets' });
    expect(bulkStatus()).not.toBeInTheDocument();

    await user.click(screen.getByRole('checkbox', { name: 'Select ticket #11' }));
    expect(bulkStatus()).toHaveTextContent('1 ticket selected');
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket #13' }));
    expect(bulkStatus()).toHaveTextContent('2 tickets selected');

    const header = screen.getByRole('checkbox', { name: '2 selected' });
    expect(header).not.toBeChecked();
    expect(header).toHaveAttribute('data-indeterminate', 'true');

    await user.click(screen.getByRole('checkbox', { name: 'Select ticket #11' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket #13' }));
    await waitFor(() => expect(bulkStatus()).not.toBeInTheDocument());
  });

  it('"Select all shown" ticks every row, and a second click clears them', async () => {
    stubList();
    const { user } = renderList();
    await screen.findByRole('list', { name: 'Tickets' });

    await user.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    for (const id of [11, 12, 13])
      expect(screen.getByRole('checkbox', { name: `Select ticket #${id}` })).toBeChecked();
    expect(bulkStatus()).toHaveTextContent('3 tickets selected');

    await user.click(screen.getByRole('checkbox', { name: '3 selected' }));
    for (const id of [11, 12, 13])
      expect(screen.getByRole('checkbox', { name: `Select ticket #${id}` })).not.toBeChecked();
  });

  it('Escape clears the selection', async () => {
    stubList();
    const { user } = renderList();
    await screen.findByRole('list', { name: 'Tickets' });
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket #12' }));
    expect(bulkStatus()).toBeInTheDocument();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(bulkStatus()).not.toBeInTheDocument());
    expect(screen.getByRole('checkbox', { name: 'Select ticket #12' })).not.toBeChecked();
  });

  it('a new search starts with nothing selected', async () => {
    stubList();
    const { user, rerender, props } = renderList();
    await screen.findByRole('list', { name: 'Tickets' });
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket #12' }));
    expect(bulkStatus()).toBeInTheDocument();

    rerender(<TicketListPane {...props} q="printer" />);
    await waitFor(() => expect(bulkStatus()).not.toBeInTheDocument());
  });

  it('a bulk change sends the ticked ids once, then clears the selection', async () => {
    const net = stubList();
    net.on('PATCH /tickets', { updated: [11, 13], failed: [] });
    const { user } = renderList();
    await screen.findByRole('list', { name: 'Tickets' });
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket #11' }));
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket #13' }));

    await user.click(screen.getByRole('button', { name: 'Status' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Solved' }));

    await screen.findByText('2 tickets: now solved.');
    expect(net.callsTo('PATCH /tickets').map((c) => c.body)).toEqual([
      { ticketIds: [11, 13], changes: { status: 'solved' } },
    ]);
    expect(bulkStatus()).not.toBeInTheDocument();
    // The list is asked again, as the rows changed.
    await waitFor(() => expect(net.callsTo('GET /tickets').length).toBeGreaterThan(1));
  });

  it('a bulk change that fails for some tickets says which, and keeps the selection', async () => {
    const net = stubList();
    net.on('PATCH /tickets', {
      updated: [11],
      failed: [{ ticketId: 12, code: 'TICKET_CLOSED', message: 'closed tickets cannot change' }],
    });
    const { user } = renderList();
    await screen.findByRole('list', { name: 'Tickets' });
    await user.click(screen.getByRole('checkbox', { name: 'Select all shown' }));
    await user.click(screen.getByRole('button', { name: 'Priority' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Urgent' }));

    expect(await screen.findByText('Some tickets were not changed')).toBeInTheDocument();
    expect(
      screen.getByText('1 updated; not changed: #12 (closed tickets cannot change)'),
    ).toBeInTheDocument();
    expect(bulkStatus()).toHaveTextContent('3 tickets selected');
  });

  it('j and k move the cursor through the rows, focus following, and stop at the ends', async () => {
    stubList();
    const { user, location } = renderList();
    await screen.findByRole('list', { name: 'Tickets' });
    const link = (id: number) =>
      within(document.getElementById(`ticket-row-${id}`) as HTMLElement).getByRole('link');

    await user.keyboard('j');
    expect(link(11)).toHaveFocus();
    await user.keyboard('jj');
    expect(link(13)).toHaveFocus();
    await user.keyboard('j');
    expect(link(13)).toHaveFocus();
    await user.keyboard('k');
    expect(link(12)).toHaveFocus();
    expect(location()).toBe('/inbox/my-open');
  });

  it('Enter opens the ticket under the cursor, keeping the search', async () => {
    stubList();
    const { user, location } = renderList({ openTicketId: 13, search: 'q=printer' });
    await screen.findByRole('list', { name: 'Tickets' });
    expect(screen.getByRole('link', { name: /^#13 Password reset loops/ })).toHaveAttribute(
      'aria-current',
      'page',
    );

    await user.keyboard('{Enter}');
    expect(location()).toBe('/inbox/my-open/tickets/13?q=printer');
  });

  it("a refused bulk change shows the server's message", async () => {
    const net = stubList();
    net.on('PATCH /tickets', replyError(403, 'FORBIDDEN', 'You may not change these.'));
    const { user } = renderList();
    await screen.findByRole('list', { name: 'Tickets' });
    await user.click(screen.getByRole('checkbox', { name: 'Select ticket #11' }));
    await user.click(screen.getByRole('button', { name: 'Assign' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Me' }));

    expect(await screen.findByText('The tickets were not changed')).toBeInTheDocument();
    expect(screen.getByText('You may not change these.')).toBeInTheDocument();
    expect(net.callsTo('PATCH /tickets')[0]?.body).toEqual({ ticketIds: [11], changes: { assigneeId: 1 } });
  });
});
