import { screen, within } from '@testing-library/react';
import type { ComponentProps } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { View } from '../../../contracts/tickets';
import { makeTicket, makeUser, page } from '../../test/fixtures';
import { stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { TicketListPane } from './TicketListPane';

type Props = ComponentProps<typeof TicketListPane>;

const tickets = [
  makeTicket(21, {
    subject: 'Invoice twice',
    status: 'new',
    priority: 'urgent',
    channel: 'phone',
    assignee: { id: 2, name: 'Brian Kernighan' },
    dueAt: '2099-01-01T00:00:00.000Z',
  }),
  makeTicket(22, { subject: 'Password loops', status: 'pending', priority: 'low', tags: ['login'] }),
];

const view: View = {
  id: '7',
  name: 'Billing',
  builtIn: false,
  shared: false,
  filters: {},
  sort: { by: 'priority', dir: 'desc' },
  columns: ['id', 'subject', 'status', 'priority', 'channel', 'assignee', 'due_at', 'tags'],
  count: 2,
  countCapped: false,
};

function renderTable(overrides: Partial<Props> = {}) {
  const net = stubNetwork({
    'GET /tickets': page(tickets),
    'GET /users': page([makeUser(2, 'Brian Kernighan', 'bwk@example.test')]),
    'GET /teams': page([]),
    'GET /categories': { data: [] },
    'GET /custom-fields': { data: [] },
  });
  const props: Props = {
    viewId: '7',
    view,
    openTicketId: null,
    q: '',
    filters: {},
    onQChange: vi.fn(),
    onFiltersChange: vi.fn(),
    sort: null,
    onSortChange: vi.fn(),
    columns: null,
    onColumnsChange: vi.fn(),
    mode: 'table',
    onModeChange: vi.fn(),
    search: '',
    onShowViews: null,
    onNewTicket: vi.fn(),
    onSaveView: vi.fn(),
    ...overrides,
  };
  const rendered = renderWithProviders(<TicketListPane {...props} />, { route: '/inbox/7' });
  return { ...rendered, props, net };
}

const headers = (table: HTMLElement) =>
  within(table)
    .getAllByRole('columnheader')
    .map((th) => th.textContent);

describe('the ticket list as a table', () => {
  it("lays out the view's columns as headers, a row per ticket and a cell per column", async () => {
    renderTable();
    const table = await screen.findByRole('table', { name: 'Tickets' });
    expect(headers(table)).toEqual([
      'Select',
      'Number',
      'Subject',
      'Status',
      'Priority',
      'Channel',
      'Assignee',
      'Due',
      'Tags',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = within(rows[0]!);
    expect(first.getByRole('link', { name: 'Invoice twice' })).toHaveAttribute('href', '/inbox/7/tickets/21');
    expect(rows[0]!.querySelector('[data-column="id"]')).toHaveTextContent('#21');
    expect(rows[0]!.querySelector('[data-column="status"]')).toHaveTextContent('New');
    expect(rows[0]!.querySelector('[data-column="priority"]')).toHaveTextContent('Urgent');
    expect(rows[0]!.querySelector('[data-column="channel"]')).toHaveTextContent('Phone');
    expect(rows[0]!.querySelector('[data-column="assignee"]')).toHaveTextContent('Brian Kernighan');
    expect(rows[0]!.querySelector('[data-column="due_at"]')).toHaveTextContent(/Due in/);
    expect(rows[1]!.querySelector('[data-column="assignee"]')).toHaveTextContent('Unassigned');
    expect(rows[1]!.querySelector('[data-column="tags"]')).toHaveTextContent('login');
    expect(rows[1]!.querySelector('[data-column="due_at"]')).toHaveTextContent('—');
    expect(screen.queryByRole('list', { name: 'Tickets' })).not.toBeInTheDocument();
  });

  it('shows the sort on its header, and sorts by a header when it is clicked, flipping the direction on the sorted one', async () => {
    const { user, props } = renderTable();
    const table = await screen.findByRole('table', { name: 'Tickets' });
    const header = (name: string) =>
      within(table).getByRole('columnheader', { name: new RegExp(`^${name}`) });

    expect(header('Priority')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Status')).toHaveAttribute('aria-sort', 'none');
    // Columns the list cannot be sorted by have a plain header.
    expect(header('Channel')).not.toHaveAttribute('aria-sort');
    expect(within(header('Channel')).queryByRole('button')).not.toBeInTheDocument();

    await user.click(within(header('Priority')).getByRole('button', { name: 'Priority' }));
    expect(props.onSortChange).toHaveBeenLastCalledWith({ by: 'priority', dir: 'asc' });
    await user.click(within(header('Due')).getByRole('button', { name: 'Due' }));
    expect(props.onSortChange).toHaveBeenLastCalledWith({ by: 'due_at', dir: 'asc' });
    await user.click(within(header('Number')).getByRole('button', { name: 'Number' }));
    expect(props.onSortChange).toHaveBeenLastCalledWith({ by: 'id', dir: 'desc' });
  });

  it('asks the server for the sort chosen in the list, and marks it over the view’s own', async () => {
    const { net } = renderTable({ sort: { by: 'status', dir: 'asc' } });
    const table = await screen.findByRole('table', { name: 'Tickets' });
    expect(within(table).getByRole('columnheader', { name: /^Status/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );
    expect(within(table).getByRole('columnheader', { name: /^Priority/ })).toHaveAttribute(
      'aria-sort',
      'none',
    );
    const [call] = net.callsTo('GET /tickets');
    expect(call?.query.get('sort')).toBe('status');
    expect(call?.query.get('dir')).toBe('asc');
  });

  it('without a chosen sort, leaves the order to the view', async () => {
    const { net } = renderTable();
    await screen.findByRole('table', { name: 'Tickets' });
    const [call] = net.callsTo('GET /tickets');
    expect(call?.query.get('view')).toBe('7');
    expect(call?.query.has('sort')).toBe(false);
  });

  it('columns chosen in the list replace the view’s; the picker adds and removes them', async () => {
    const { user, props } = renderTable({ columns: ['subject', 'requester', 'created_at'] });
    const table = await screen.findByRole('table', { name: 'Tickets' });
    expect(headers(table)).toEqual(['Select', 'Subject', 'Requester', 'Created']);

    await user.click(screen.getByRole('button', { name: 'Choose columns' }));
    const picker = await screen.findByRole('group', { name: 'Columns' });
    await user.click(within(picker).getByRole('checkbox', { name: 'Team' }));
    expect(props.onColumnsChange).toHaveBeenLastCalledWith(['subject', 'requester', 'created_at', 'team']);
    await user.click(within(picker).getByRole('checkbox', { name: 'Requester' }));
    expect(props.onColumnsChange).toHaveBeenLastCalledWith(['subject', 'created_at']);
  });

  it('switches between cards and the table', async () => {
    const { user, props } = renderTable({ mode: 'cards' });
    await screen.findByRole('list', { name: 'Tickets' });
    expect(screen.queryByRole('button', { name: 'Choose columns' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show as cards' })).toHaveAttribute('aria-pressed', 'true');
    await user.click(screen.getByRole('button', { name: 'Show as a table' }));
    expect(props.onModeChange).toHaveBeenCalledWith('table');
  });

  it('opens a ticket from anywhere on its row, but ticking its box only selects it', async () => {
    const { user, location } = renderTable();
    const table = await screen.findByRole('table', { name: 'Tickets' });
    await user.click(within(table).getByRole('checkbox', { name: 'Select ticket #22' }));
    expect(location()).toBe('/inbox/7');
    expect(screen.getByText('1 ticket selected')).toBeInTheDocument();
    const row = document.getElementById('ticket-row-22') as HTMLElement;
    await user.click(row.querySelector('[data-column="tags"]') as HTMLElement);
    expect(location()).toBe('/inbox/7/tickets/22');
  });

  it('j and k move through the rows with focus on the subject, and Enter opens it', async () => {
    const { user, location } = renderTable();
    await screen.findByRole('table', { name: 'Tickets' });
    await user.keyboard('j');
    expect(screen.getByRole('link', { name: 'Invoice twice' })).toHaveFocus();
    await user.keyboard('j');
    expect(screen.getByRole('link', { name: 'Password loops' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(location()).toBe('/inbox/7/tickets/22');
  });
});
