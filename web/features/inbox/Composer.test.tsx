import { screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../../contracts/tickets';
import { makeTicket, makeUser, page } from '../../test/fixtures';
import { deferred, replyError, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { Composer } from './Composer';
import type { ComposerMode } from './drafts';

const staff = [
  makeUser(2, 'Brian Kernighan', 'bwk@example.test'),
  makeUser(3, 'Grace Murray', 'gmurray@example.test'),
  makeUser(4, 'Dennis Ritchie', 'dmr@example.test'),
  makeUser(5, 'Margaret Hamilton', 'grace.h@example.test'),
  makeUser(6, 'Ken Thompson', 'ken@example.test'),
  makeUser(7, 'Barbara Liskov', 'liskov@example.test'),
  makeUser(8, 'Frances Allen', 'fran@example.test'),
  makeUser(9, 'Edsger Dijkstra', 'ewd@example.test'),
  makeUser(50, 'A Customer', 'customer@example.test', { role: 'customer' }),
];

function stubComposer(ticket: Ticket) {
  return stubNetwork({
    'GET /users': page(staff),
    [`POST /tickets/${ticket.id}/messages`]: { id: 900 },
    [`GET /tickets/${ticket.id}`]: { ...ticket, version: ticket.version + 1 },
  });
}

/** The composer with its mode kept by a parent, as the ticket pane keeps it. */
function Harness({
  ticket,
  initialMode,
  onClose,
}: {
  ticket: Ticket;
  initialMode: ComposerMode;
  onClose: () => void;
}) {
  const [mode, setMode] = useState(initialMode);
  return (
    <Composer
      ticket={ticket}
      mode={mode}
      onModeChange={setMode}
      onClose={onClose}
      others={[]}
      autoFocus={false}
    />
  );
}

function renderComposer(ticket = makeTicket(7), initialMode: ComposerMode = 'reply') {
  const onClose = vi.fn();
  const rendered = renderWithProviders(
    <Harness ticket={ticket} initialMode={initialMode} onClose={onClose} />,
  );
  return { ...rendered, onClose };
}

const sendButton = () => screen.getByRole('button', { name: /^Send as / });

describe('Composer', () => {
  it('a reply cannot be sent while empty or only spaces', async () => {
    stubComposer(makeTicket(7));
    const { user } = renderComposer();

    expect(screen.getByText('To Grace Hopper')).toBeInTheDocument();
    expect(sendButton()).toHaveTextContent('Send as Open');
    expect(sendButton()).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Reply' }), '   ');
    expect(sendButton()).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Thanks');
    expect(sendButton()).toBeEnabled();
  });

  it('switches between reply and internal note, each with its own draft', async () => {
    stubComposer(makeTicket(7));
    const { user } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Dear Grace');
    await user.click(screen.getByText('Internal note'));

    const note = screen.getByRole('textbox', { name: 'Internal note' });
    expect(note).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Add note' })).toBeDisabled();
    expect(screen.getByText('Only colleagues see notes. Type @ to mention someone.')).toBeInTheDocument();
    await user.type(note, 'Checked the logs');

    await user.click(screen.getByText('Reply'));
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('Dear Grace');
    await user.click(screen.getByText('Internal note'));
    expect(screen.getByRole('textbox', { name: 'Internal note' })).toHaveValue('Checked the logs');
  });

  it('keeps a draft per ticket, in this browser', async () => {
    stubComposer(makeTicket(7));
    const first = renderComposer(makeTicket(7));
    await first.user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Half a thought');
    expect(JSON.parse(window.localStorage.getItem('steward.draft.v1.7.reply') ?? '{}')).toMatchObject({
      body: 'Half a thought',
      attachments: [],
    });
    first.unmount();

    const other = renderComposer(makeTicket(8));
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('');
    other.unmount();

    renderComposer(makeTicket(7));
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('Half a thought');
  });

  it('a draft emptied by hand is forgotten', async () => {
    window.localStorage.setItem('steward.draft.v1.7.reply', JSON.stringify({ body: 'x', attachments: [] }));
    stubComposer(makeTicket(7));
    const { user } = renderComposer();

    await user.clear(screen.getByRole('textbox', { name: 'Reply' }));
    expect(window.localStorage.getItem('steward.draft.v1.7.reply')).toBeNull();
  });

  it('sends the reply with the ticket version and status, then clears the draft and closes', async () => {
    const ticket = makeTicket(7, { version: 4, status: 'pending' });
    const net = stubComposer(ticket);
    const { user, onClose } = renderComposer(ticket);

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'We have refunded you.');
    await user.click(screen.getByRole('button', { name: 'Send as Pending' }));

    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(net.callsTo('POST /tickets/7/messages').map((c) => c.body)).toEqual([
      { kind: 'reply', body: 'We have refunded you.', attachmentIds: [], status: 'pending', version: 4 },
    ]);
    expect(await screen.findByText('Reply sent')).toBeInTheDocument();
    expect(screen.getByText('The customer has your reply; the ticket is pending.')).toBeInTheDocument();
    expect(window.localStorage.getItem('steward.draft.v1.7.reply')).toBeNull();
  });

  it('sends with another allowed status from the menu', async () => {
    const net = stubComposer(makeTicket(7));
    const { user } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Solved, I think.');
    await user.click(screen.getByRole('button', { name: 'Send with another status' }));
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toEqual(['Send as Open', 'Send as Pending', 'Send as On hold', 'Send as Solved']);
    await user.click(screen.getByRole('menuitem', { name: 'Send as Solved' }));

    await waitFor(() => expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(1));
    expect(net.callsTo('POST /tickets/7/messages')[0]?.body).toMatchObject({
      kind: 'reply',
      status: 'solved',
    });
  });

  it('Ctrl+Enter adds a note, without a status', async () => {
    const net = stubComposer(makeTicket(7));
    const { user, onClose } = renderComposer(makeTicket(7), 'note');

    await user.type(screen.getByRole('textbox', { name: 'Internal note' }), 'Customer called twice');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(net.callsTo('POST /tickets/7/messages')[0]?.body).toEqual({
      kind: 'note',
      body: 'Customer called twice',
      attachmentIds: [],
      version: 1,
    });
    expect(await screen.findByText('Note added')).toBeInTheDocument();
  });

  it('while a reply is on its way, it cannot be sent again', async () => {
    const net = stubComposer(makeTicket(7));
    const inFlight = deferred();
    net.on('POST /tickets/7/messages', inFlight.answer);
    const { user, onClose } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hello');
    await user.click(sendButton());
    await waitFor(() => expect(sendButton()).toBeDisabled());
    expect(screen.getByRole('button', { name: 'Send with another status' })).toBeDisabled();

    inFlight.resolve({ id: 900 });
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(1);
  });

  it('Ctrl+Enter while a reply is on its way does not send it twice', async () => {
    const net = stubComposer(makeTicket(7));
    const inFlight = deferred();
    net.on('POST /tickets/7/messages', inFlight.answer);
    const { user, onClose } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hello');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(sendButton()).toBeDisabled());
    await user.keyboard('{Control>}{Enter}{/Control}');

    inFlight.resolve({ id: 900 });
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
    expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(1);
  });

  it('shows why a reply was not sent, and keeps the draft', async () => {
    const net = stubComposer(makeTicket(7));
    net.on('POST /tickets/7/messages', replyError(422, 'VALIDATION_FAILED', 'The reply is too long.'));
    const { user, onClose } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hello');
    await user.click(sendButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The reply was not sent');
    expect(alert).toHaveTextContent('The reply is too long.');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('Hello');
    expect(window.localStorage.getItem('steward.draft.v1.7.reply')).not.toBeNull();
  });

  it('a change by someone else since the ticket was read blocks sending until reviewed', async () => {
    const net = stubComposer(makeTicket(7));
    net.on('POST /tickets/7/messages', replyError(409, 'TICKET_VERSION_CONFLICT', 'The ticket changed.'));
    const { user } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hello');
    await user.click(sendButton());

    expect(
      await screen.findByText('New activity on this ticket — review before sending.'),
    ).toBeInTheDocument();
    expect(sendButton()).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Show the latest' }));
    await waitFor(() => expect(sendButton()).toBeEnabled());
  });

  it('a closed ticket takes no reply, but notes still work', async () => {
    stubComposer(makeTicket(7, { status: 'closed' }));
    const { user } = renderComposer(makeTicket(7, { status: 'closed' }));

    expect(screen.getByText(/This ticket is closed, so it can't get a reply/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Reply' })).toBeDisabled();
    await user.click(screen.getByText('Internal note'));
    expect(screen.getByRole('textbox', { name: 'Internal note' })).toBeEnabled();
  });

  it('in a note, @ offers colleagues matching by name or address, at most six, staff only', async () => {
    stubComposer(makeTicket(7));
    const { user } = renderComposer(makeTicket(7), 'note');
    const note = screen.getByRole('textbox', { name: 'Internal note' });

    await user.type(note, 'Ask @');
    const all = await screen.findByRole('listbox', { name: 'Mention a colleague' });
    expect(within(all).getAllByRole('option')).toHaveLength(6);
    expect(within(all).queryByText('A Customer')).not.toBeInTheDocument();

    await user.type(note, 'gra');
    await waitFor(() =>
      expect(
        within(screen.getByRole('listbox', { name: 'Mention a colleague' }))
          .getAllByRole('option')
          // Initials, name, handle.
          .map((o) => o.textContent),
      ).toEqual(['GMGrace Murray@gmurray', 'MHMargaret Hamilton@grace.h']),
    );
  });

  it('picking a suggestion puts the handle in the note', async () => {
    stubComposer(makeTicket(7));
    const { user } = renderComposer(makeTicket(7), 'note');
    const note = screen.getByRole('textbox', { name: 'Internal note' });

    await user.type(note, 'Ask @dm');
    await user.click(await screen.findByRole('option', { name: /Dennis Ritchie/ }));

    expect(note).toHaveValue('Ask @dmr ');
    expect(screen.queryByRole('listbox', { name: 'Mention a colleague' })).not.toBeInTheDocument();
  });

  it('a reply offers no mentions and does not load the staff list', async () => {
    const net = stubComposer(makeTicket(7));
    const { user } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hi @gr');
    expect(screen.queryByRole('option')).not.toBeInTheDocument();
    expect(net.callsTo('GET /users')).toHaveLength(0);
  });
});
