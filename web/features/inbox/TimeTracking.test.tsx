import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { TicketEvent } from '../../../contracts/tickets';
import type { TimeEntry, TimeEntryList } from '../../../contracts/time-entries';
import { makeTicket, makeUser, me, page } from '../../test/fixtures';
import { reply, replyError, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { TicketHistory } from './TicketHistory';
import { TicketPane } from './TicketPane';
import { TimeLogSection } from './TimeLogSection';

const lena = { id: 9, name: 'Lena Fischer' };
const entry = (id: number, user: { id: number; name: string }, minutes: number, note = ''): TimeEntry => ({
  id,
  ticketId: 7,
  user,
  minutes,
  note,
  createdAt: '2026-12-07T09:00:00.000Z',
});
const listOf = (...data: TimeEntry[]): TimeEntryList => ({
  data,
  totalMinutes: data.reduce((sum, e) => sum + e.minutes, 0),
});

function stubTicket(entries: TimeEntryList) {
  return stubNetwork({
    'GET /tickets/7': makeTicket(7, { subject: 'Wrong VAT rate' }),
    'GET /tickets/7/messages': { data: [] },
    'GET /tickets/7/copies': { copies: [], suggestions: [] },
    'GET /tickets/7/time-entries': entries,
    'GET /users': page([makeUser(me.id, me.name, me.email)]),
    'GET /teams': page([]),
    'GET /categories': { data: [] },
    'GET /custom-fields': { data: [] },
  });
}

async function openLogTime() {
  const rendered = renderWithProviders(
    <TicketPane ticketId={7} viewId="my-open" search="" onePane={false} />,
    {
      route: '/inbox/my-open/tickets/7',
    },
  );
  const ticket = await screen.findByRole('article', { name: 'Ticket #7' });
  const actions = within(ticket).getByRole('button', { name: 'More ticket actions' });
  await rendered.user.click(actions);
  await rendered.user.click(await screen.findByRole('menuitem', { name: 'Log time…' }));
  const dialog = await screen.findByRole('dialog', { name: 'Log time on #7' });
  return { ...rendered, ticket, actions, dialog };
}

describe('Log time', () => {
  it('logs the minutes and the note from the ticket’s actions, shows them with the total, and hands the focus back', async () => {
    const net = stubTicket(listOf());
    const logged = entry(31, { id: me.id, name: me.name }, 85, 'Called the courier');
    net.on('POST /tickets/7/time-entries', (request: { body: unknown }) => {
      net.on('GET /tickets/7/time-entries', listOf(logged));
      return reply(201, { ...logged, note: (request.body as { note: string }).note });
    });
    const { user, ticket, actions, dialog } = await openLogTime();
    expect(within(ticket).getByText(/No time logged yet/)).toBeVisible();

    const minutes = within(dialog).getByRole('textbox', { name: /Minutes spent/ });
    expect(minutes).toHaveFocus();
    await user.type(minutes, '85');
    expect(within(dialog).getByText('That is 1 h 25 min')).toBeVisible();
    await user.type(within(dialog).getByRole('textbox', { name: /Note/ }), 'Called the courier');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(net.callsTo('POST /tickets/7/time-entries')[0]!.body).toEqual({
      minutes: 85,
      note: 'Called the courier',
    });
    await waitFor(() => expect(actions).toHaveFocus());
    const section = within(ticket).getByRole('region', { name: 'Time logged' });
    expect(await within(section).findByText('Total 1 h 25 min')).toBeVisible();
    expect(within(section).getByText('Called the courier')).toBeVisible();
  });

  it('asks again for minutes it cannot log, without sending them', async () => {
    const net = stubTicket(listOf());
    const { user, dialog } = await openLogTime();
    await user.type(within(dialog).getByRole('textbox', { name: /Minutes spent/ }), '1441');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(/from 1 to 1440/)).toBeVisible();
    expect(net.callsTo('POST /tickets/7/time-entries')).toEqual([]);
  });

  it('says why the server refused, and keeps the dialog open', async () => {
    const net = stubTicket(listOf());
    net.on('POST /tickets/7/time-entries', replyError(409, 'TICKET_MERGED', 'Ticket #7 was merged into #8'));
    const { user, dialog } = await openLogTime();
    await user.type(within(dialog).getByRole('textbox', { name: /Minutes spent/ }), '20');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Ticket #7 was merged into #8');
    expect(screen.getByRole('dialog', { name: 'Log time on #7' })).toBeVisible();
  });
});

describe('TimeLogSection', () => {
  const mine = entry(2, { id: me.id, name: me.name }, 25, 'Checked the warehouse');
  const hers = entry(1, lena, 60);

  it('lists who spent how long, with a remove button only on the viewer’s own entries', async () => {
    stubNetwork({ 'GET /tickets/7/time-entries': listOf(mine, hers) });
    renderWithProviders(<TimeLogSection ticketId={7} />);
    const section = await screen.findByRole('region', { name: 'Time logged' });
    expect(await within(section).findByText('Total 1 h 25 min')).toBeVisible();
    const items = within(section).getAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(/^25 min by Ada LovelaceChecked the warehouse/),
      expect.stringMatching(/^1 h by Lena Fischer/),
    ]);
    expect(within(items[0]!).getByRole('button', { name: 'Remove 25 min by Ada Lovelace' })).toBeVisible();
    expect(within(items[1]!).queryByRole('button')).toBeNull();
  });

  it('lets a manager remove anyone’s entry, after asking', async () => {
    const net = stubNetwork({ 'GET /tickets/7/time-entries': listOf(mine, hers) });
    net.on('DELETE /tickets/7/time-entries/1', () => {
      net.on('GET /tickets/7/time-entries', listOf(mine));
      return reply(204);
    });
    const { user } = renderWithProviders(<TimeLogSection ticketId={7} />, { me: { ...me, role: 'manager' } });
    const section = await screen.findByRole('region', { name: 'Time logged' });
    await user.click(await within(section).findByRole('button', { name: 'Remove 1 h by Lena Fischer' }));
    const confirm = await screen.findByRole('dialog', { name: 'Remove logged time?' });
    await user.click(within(confirm).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(within(section).queryByText(/Lena Fischer/)).toBeNull());
    expect(net.callsTo('DELETE /tickets/7/time-entries/1')).toHaveLength(1);
    expect(within(section).getByText('Total 25 min')).toBeVisible();
  });

  it('says when no time was logged', async () => {
    stubNetwork({ 'GET /tickets/7/time-entries': listOf() });
    renderWithProviders(<TimeLogSection ticketId={7} />);
    expect(await screen.findByText(/No time logged yet/)).toBeVisible();
    expect(screen.queryByText(/^Total /)).toBeNull();
  });
});

describe('Time in the ticket history', () => {
  const event = (id: number, type: string, values: Partial<TicketEvent>): TicketEvent => ({
    id,
    type,
    actor: { type: 'user', id: 4, name: 'Max Weber' },
    from: null,
    to: null,
    createdAt: '2026-12-07T10:00:00.000Z',
    ...values,
  });

  it('says who logged and who removed how long, and whose time it was', async () => {
    stubNetwork({
      'GET /users': page([
        makeUser(4, 'Max Weber', 'max@example.test'),
        makeUser(9, 'Lena Fischer', 'lena@example.test'),
      ]),
      'GET /teams': page([]),
      'GET /categories': { data: [] },
    });
    renderWithProviders(
      <TicketHistory
        events={[
          event(1, 'time_logged', { to: '{"id":3,"minutes":25}' }),
          event(2, 'time_removed', {
            from: '{"id":2,"minutes":10,"userId":9,"at":"2026-12-07T08:00:00.000Z"}',
          }),
          event(3, 'time_removed', {
            from: '{"id":3,"minutes":25,"userId":4,"at":"2026-12-07T10:00:00.000Z"}',
          }),
        ]}
      />,
    );
    const list = await screen.findByRole('list', { name: 'History' });
    await waitFor(() =>
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((i) => i.textContent),
      ).toEqual([
        expect.stringMatching(/^Max Weber logged 25 min/),
        expect.stringMatching(/^Max Weber removed 10 min logged by Lena Fischer/),
        expect.stringMatching(/^Max Weber removed 25 min they logged/),
      ]),
    );
  });
});
