import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../contracts/tickets';
import { makeTicket, makeUser, me, page } from '../../test/fixtures';
import { stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { TicketPane } from './TicketPane';

const question: Message = {
  id: 70,
  ticketId: 7,
  kind: 'customer',
  author: { type: 'customer', id: 3, name: 'Grace Hopper' },
  channel: 'email',
  body: 'The invoice shows the wrong VAT rate.',
  html: '<p>The invoice shows the wrong VAT rate.</p>',
  meta: {},
  attachments: [],
  delivery: null,
  recipients: null,
  createdAt: '2026-03-01T09:00:00.000Z',
};

function stubTicket() {
  return stubNetwork({
    'GET /tickets/7': makeTicket(7, { subject: 'Wrong VAT rate' }),
    'GET /tickets/7/messages': { data: [question] },
    'GET /tickets/7/copies': { copies: [], suggestions: [] },
    'GET /users': page([makeUser(me.id, me.name, me.email)]),
    'GET /teams': page([]),
    'GET /categories': { data: [] },
    'GET /custom-fields': { data: [] },
  });
}

describe('TicketPane', () => {
  it('alone on a phone: the conversation first, the properties in a drawer, and an arrow back to the list', async () => {
    stubTicket();
    const { user, location } = renderWithProviders(
      <TicketPane ticketId={7} viewId="my-open" search="q=vat" onePane />,
      { route: '/inbox/my-open/tickets/7?q=vat' },
    );
    const ticket = await screen.findByRole('article', { name: 'Ticket #7' });
    expect(await within(ticket).findByText('The invoice shows the wrong VAT rate.')).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Ticket properties' })).toBeNull();
    expect(within(ticket).queryByRole('button', { name: 'Close ticket' })).toBeNull();

    await user.click(within(ticket).getByRole('button', { name: 'Properties' }));
    const drawer = await screen.findByRole('dialog', { name: 'Ticket #7' });
    expect(within(drawer).getByRole('region', { name: 'Ticket properties' })).toBeVisible();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Ticket #7' })).toBeNull());

    await user.click(within(ticket).getByRole('button', { name: 'Back to the list' }));
    expect(location()).toBe('/inbox/my-open?q=vat');
  });

  it('beside the list on a laptop: the properties beside the conversation, and a close button', async () => {
    stubTicket();
    renderWithProviders(<TicketPane ticketId={7} viewId="my-open" search="" onePane={false} />, {
      route: '/inbox/my-open/tickets/7',
    });
    const ticket = await screen.findByRole('article', { name: 'Ticket #7' });
    expect(await within(ticket).findByRole('region', { name: 'Ticket properties' })).toBeVisible();
    expect(within(ticket).getByRole('button', { name: 'Close ticket' })).toBeVisible();
    expect(within(ticket).queryByRole('button', { name: 'Properties' })).toBeNull();
    expect(within(ticket).queryByRole('button', { name: 'Back to the list' })).toBeNull();
  });

  it('Escape closes the reply box first, with the focus back on Reply, then leaves the ticket for the list', async () => {
    // The Markdown source: jsdom has no layout for the rich text editor.
    window.localStorage.setItem('steward.composer.editor.v1', 'markdown');
    stubTicket();
    const { user, location } = renderWithProviders(
      <TicketPane ticketId={7} viewId="my-open" search="" onePane={false} />,
      { route: '/inbox/my-open/tickets/7' },
    );
    const ticket = await screen.findByRole('article', { name: 'Ticket #7' });
    await user.click(await within(ticket).findByRole('button', { name: 'Reply' }));
    const reply = within(ticket).getByRole('textbox', { name: 'Reply' });
    expect(reply).toHaveFocus();
    await user.type(reply, 'Thanks');

    // Typing in the box: Escape closes only the box, the draft kept.
    await user.keyboard('{Escape}');
    expect(within(ticket).queryByRole('textbox', { name: 'Reply' })).toBeNull();
    expect(within(ticket).getByRole('button', { name: 'Reply (draft)' })).toHaveFocus();
    expect(location()).toBe('/inbox/my-open/tickets/7');

    await user.keyboard('{Escape}');
    expect(location()).toBe('/inbox/my-open');
  });

  it('Escape in a dialog closes the dialog, hands the focus back to the actions and keeps the ticket open', async () => {
    stubTicket();
    const { user, location } = renderWithProviders(
      <TicketPane ticketId={7} viewId="my-open" search="" onePane={false} />,
      { route: '/inbox/my-open/tickets/7' },
    );
    const ticket = await screen.findByRole('article', { name: 'Ticket #7' });
    const actions = within(ticket).getByRole('button', { name: 'More ticket actions' });
    await user.click(actions);
    await user.click(await screen.findByRole('menuitem', { name: 'Log a phone call…' }));
    expect(await screen.findByRole('dialog')).toBeVisible();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(actions).toHaveFocus());
    expect(location()).toBe('/inbox/my-open/tickets/7');
  });

  it('Escape in a field of the ticket stays in the field', async () => {
    stubTicket();
    const { user, location } = renderWithProviders(
      <TicketPane ticketId={7} viewId="my-open" search="" onePane={false} />,
      { route: '/inbox/my-open/tickets/7' },
    );
    const ticket = await screen.findByRole('article', { name: 'Ticket #7' });
    await user.click(await within(ticket).findByRole('combobox', { name: 'Tags' }));
    await user.keyboard('{Escape}');
    expect(location()).toBe('/inbox/my-open/tickets/7');
  });

  it('shows who is replying, as the server says, and not once it lapses', async () => {
    const net = stubTicket();
    const until = new Date(Date.now() + 1500).toISOString();
    net.on('GET /tickets/7/replying', { ticketId: 7, agents: [{ userId: 9, name: 'Morgan Reyes', until }] });
    renderWithProviders(<TicketPane ticketId={7} viewId="my-open" search="" onePane={false} />, {
      route: '/inbox/my-open/tickets/7',
    });
    const ticket = await screen.findByRole('article', { name: 'Ticket #7' });
    expect(await within(ticket).findByText(/Morgan Reyes is replying/)).toBeVisible();
    net.on('GET /tickets/7/replying', { ticketId: 7, agents: [] });
    await waitFor(() => expect(within(ticket).queryByText(/Morgan Reyes is replying/)).toBeNull(), {
      timeout: 5000,
    });
  });
});
