import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../../contracts/tickets';
import { makeCategory, makeCustomField, makeTicket, makeUser, me, page } from '../../test/fixtures';
import { replyError, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { PropertiesPanel } from './PropertiesPanel';
import { TicketPane } from './TicketPane';

const fields = [
  makeCustomField(1, { key: 'order_no', label: 'Order number', position: 2 }),
  makeCustomField(2, { key: 'refund', label: 'Refund issued', type: 'checkbox', position: 1 }),
  makeCustomField(3, {
    key: 'outage_region',
    label: 'Region',
    type: 'dropdown',
    options: ['EU', 'US'],
    ticketTypes: ['incident'],
  }),
  makeCustomField(4, { key: 'legacy', label: 'Old field', archived: true }),
];

function stubReferenceData() {
  return stubNetwork({
    'GET /users': page([
      makeUser(me.id, me.name, me.email),
      makeUser(2, 'Brian Kernighan', 'bwk@example.test'),
    ]),
    'GET /teams': page([]),
    'GET /categories': { data: [makeCategory(1, 'Billing')] },
    'GET /custom-fields': { data: fields },
    'GET /tickets/7/copies': { copies: [], suggestions: [] },
  });
}

function renderPanel(ticket: Ticket) {
  const onSave = vi.fn();
  const rendered = renderWithProviders(
    <PropertiesPanel ticket={ticket} onSave={onSave} saving={false} onEscalate={vi.fn()} />,
  );
  return { ...rendered, onSave };
}

async function optionsOf(user: ReturnType<typeof renderPanel>['user'], label: string): Promise<string[]> {
  await user.click(screen.getByRole('combobox', { name: label }));
  const listbox = await screen.findByRole('listbox');
  return within(listbox)
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');
}

describe('PropertiesPanel', () => {
  it('offers only the statuses an open ticket may move to', async () => {
    stubReferenceData();
    const { user } = renderPanel(makeTicket(7, { status: 'open' }));
    expect(await optionsOf(user, 'Status')).toEqual(['Open', 'Pending', 'On hold', 'Solved']);
  });

  it('a solved ticket may reopen or close, nothing else', async () => {
    stubReferenceData();
    const { user } = renderPanel(makeTicket(7, { status: 'solved' }));
    expect(await optionsOf(user, 'Status')).toEqual(['Solved', 'Open', 'Closed']);
  });

  it('picking a status saves it; picking the current one saves nothing', async () => {
    stubReferenceData();
    const { user, onSave } = renderPanel(makeTicket(7, { status: 'open' }));

    await optionsOf(user, 'Status');
    await user.click(screen.getByRole('option', { name: 'Open' }));
    expect(onSave).not.toHaveBeenCalled();
    await optionsOf(user, 'Status');
    await user.click(screen.getByRole('option', { name: 'Pending' }));
    expect(onSave).toHaveBeenCalledExactlyOnceWith({ status: 'pending' });
  });

  it('a closed ticket can change no more', async () => {
    stubReferenceData();
    renderPanel(makeTicket(7, { status: 'closed' }));

    for (const label of ['Status', 'Priority', 'Type', 'Assignee', 'Team', 'Category'])
      expect(screen.getByRole('combobox', { name: label })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Assign to me' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Escalate…' })).toBeDisabled();
  });

  it('"Assign to me" assigns the signed-in agent, and is gone once they are the assignee', async () => {
    stubReferenceData();
    const { user, onSave, rerender } = renderPanel(makeTicket(7));

    await user.click(screen.getByRole('button', { name: 'Assign to me' }));
    expect(onSave).toHaveBeenCalledWith({ assigneeId: me.id });

    rerender(
      <PropertiesPanel
        ticket={makeTicket(7, { assignee: { id: me.id, name: me.name } })}
        onSave={onSave}
        saving={false}
        onEscalate={vi.fn()}
      />,
    );
    expect(screen.queryByRole('button', { name: 'Assign to me' })).not.toBeInTheDocument();
  });

  it('tags are saved trimmed, lower case and once each', async () => {
    stubReferenceData();
    const { user, onSave } = renderPanel(makeTicket(7, { tags: ['billing'] }));

    await user.type(screen.getByRole('combobox', { name: 'Tags' }), '  VIP {Enter}');
    expect(onSave).toHaveBeenLastCalledWith({ tags: ['billing', 'vip'] });
  });

  it('shows the custom fields of the ticket type in order, and not archived ones', async () => {
    stubReferenceData();
    renderPanel(makeTicket(7, { type: 'question', customFields: { order_no: 'A-17', refund: true } }));

    const order = await screen.findByRole('textbox', { name: 'Order number' });
    const refund = screen.getByRole('checkbox', { name: 'Refund issued' });
    expect(order).toHaveValue('A-17');
    expect(refund).toBeChecked();
    expect(refund.compareDocumentPosition(order) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByText('Old field')).not.toBeInTheDocument();
    expect(screen.queryByText('Region')).not.toBeInTheDocument();
  });

  it('a text field saves trimmed when left, empty as null, unchanged not at all', async () => {
    stubReferenceData();
    const { user, onSave } = renderPanel(makeTicket(7, { customFields: { order_no: 'A-17' } }));
    const order = await screen.findByRole('textbox', { name: 'Order number' });

    await user.click(order);
    await user.tab();
    expect(onSave).not.toHaveBeenCalled();

    await user.clear(order);
    await user.type(order, ' B-2 ');
    await user.tab();
    expect(onSave).toHaveBeenLastCalledWith({ customFields: { order_no: 'B-2' } });

    await user.clear(order);
    await user.tab();
    expect(onSave).toHaveBeenLastCalledWith({ customFields: { order_no: null } });
  });

  it('checkbox and dropdown fields save at once', async () => {
    stubReferenceData();
    const { user, onSave } = renderPanel(makeTicket(7, { type: 'incident' }));

    await user.click(await screen.findByRole('checkbox', { name: 'Refund issued' }));
    expect(onSave).toHaveBeenLastCalledWith({ customFields: { refund: true } });

    await user.click(screen.getByRole('combobox', { name: 'Region' }));
    await user.click(await screen.findByRole('option', { name: 'US' }));
    expect(onSave).toHaveBeenLastCalledWith({ customFields: { outage_region: 'US' } });
  });
});

describe('PropertiesPanel in the ticket pane', () => {
  function stubPane(ticket: Ticket) {
    const net = stubReferenceData();
    net.on('GET /tickets/7', ticket);
    net.on('GET /tickets/7/messages', { data: [] });
    return net;
  }

  async function renderPane() {
    const rendered = renderWithProviders(
      <TicketPane ticketId={7} viewId="my-open" search="" onePane={false} />,
      {
        route: '/inbox/my-open/tickets/7',
      },
    );
    await screen.findByRole('region', { name: 'Ticket properties' });
    return rendered;
  }

  it('a change is sent as a PATCH with the version read, and the answer is shown', async () => {
    const ticket = makeTicket(7, { priority: 'normal', version: 3 });
    const net = stubPane(ticket);
    net.on('PATCH /tickets/7', { ...ticket, priority: 'high', version: 4 });
    const { user } = await renderPane();

    await user.click(screen.getByRole('combobox', { name: 'Priority' }));
    await user.click(await screen.findByRole('option', { name: 'High' }));

    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveValue('High'));
    expect(net.callsTo('PATCH /tickets/7').map((c) => c.body)).toEqual([{ priority: 'high', version: 3 }]);
  });

  it('a refused change shows the server message', async () => {
    const net = stubPane(makeTicket(7));
    net.on(
      'PATCH /tickets/7',
      replyError(400, 'VALIDATION_FAILED', 'A ticket needs a team before it can be solved.', [
        { path: ['body', 'status'], message: 'needs a team' },
      ]),
    );
    const { user } = await renderPane();

    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Solved' }));

    expect(await screen.findByText('The ticket was not changed')).toBeInTheDocument();
    expect(screen.getByText('A ticket needs a team before it can be solved.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('Open');
  });

  it('a change on top of someone else’s says so and offers to reload', async () => {
    const ticket = makeTicket(7, { version: 3 });
    const net = stubPane(ticket);
    net.on(
      'PATCH /tickets/7',
      replyError(409, 'TICKET_VERSION_CONFLICT', 'The ticket changed.', {
        current: { ...ticket, version: 5, priority: 'urgent' },
      }),
    );
    const { user } = await renderPane();

    const panel = screen.getByRole('region', { name: 'Ticket properties' });
    await user.click(within(panel).getByRole('button', { name: 'Assign to me' }));
    expect(
      await screen.findByText('Someone else changed this ticket. Your change was not saved.'),
    ).toBeInTheDocument();
    net.on('GET /tickets/7', { ...ticket, version: 5, priority: 'urgent' });
    await user.click(screen.getByRole('button', { name: 'Reload the ticket' }));
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveValue('Urgent'));
  });
});
