import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../../contracts/tickets';
import type { LiveViewer } from '../../app/live';
import { makeTicket, makeUser, page } from '../../test/fixtures';
import { deferred, replyError, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { Composer } from './Composer';
import type { ComposerMode } from './drafts';
import { UNDO_MS } from './undoSend';

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

function stubComposer(ticket: Ticket, copies: string[] | null = null) {
  return stubNetwork({
    'GET /users': page(staff),
    [`POST /tickets/${ticket.id}/messages`]: { id: 900 },
    [`GET /tickets/${ticket.id}`]: { ...ticket, version: ticket.version + 1 },
    [`PUT /tickets/${ticket.id}/replying`]: { ticketId: ticket.id, agents: [] },
    [`DELETE /tickets/${ticket.id}/replying`]: null,
    ...(copies ? { [`GET /tickets/${ticket.id}/copies`]: { copies, suggestions: [] } } : {}),
  });
}

/** Lets the Undo window pass: the reply is sent only then. */
async function afterUndoWindow() {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(UNDO_MS + 10);
  });
}

/** The composer with its mode kept by a parent, as the ticket pane keeps it. */
function Harness({
  ticket,
  initialMode,
  onClose,
  others,
}: {
  ticket: Ticket;
  initialMode: ComposerMode;
  onClose: () => void;
  others: LiveViewer[];
}) {
  const [mode, setMode] = useState(initialMode);
  return (
    <Composer
      ticket={ticket}
      mode={mode}
      onModeChange={setMode}
      onClose={onClose}
      others={others}
      autoFocus={false}
    />
  );
}

function renderComposer(
  ticket = makeTicket(7),
  initialMode: ComposerMode = 'reply',
  others: LiveViewer[] = [],
) {
  const onClose = vi.fn();
  const rendered = renderWithProviders(
    <Harness ticket={ticket} initialMode={initialMode} onClose={onClose} others={others} />,
  );
  return { ...rendered, onClose };
}

const sendButton = () => screen.getByRole('button', { name: /^Send as / });

describe('Composer', () => {
  // Most tests write the Markdown source; the rich text editor has tests of its own below.
  beforeEach(() => {
    window.localStorage.setItem('steward.composer.editor.v1', 'markdown');
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a reply cannot be sent while empty or only spaces', async () => {
    stubComposer(makeTicket(7));
    const { user } = renderComposer();

    expect(screen.getByText(/Grace Hopper <grace@example.test>/)).toBeInTheDocument();
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

  it('closes at once, and sends with the ticket version and status only after the Undo window', async () => {
    const ticket = makeTicket(7, { version: 4, status: 'pending' });
    const net = stubComposer(ticket);
    const { user, onClose } = renderComposer(ticket);

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'We have refunded you.');
    await user.click(screen.getByRole('button', { name: 'Send as Pending' }));

    expect(onClose).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('Sending…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Undo' })).toBeInTheDocument();
    expect(window.localStorage.getItem('steward.draft.v1.7.reply')).toBeNull();
    expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(0);

    await afterUndoWindow();
    await waitFor(() => expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(1));
    expect(net.callsTo('POST /tickets/7/messages').map((c) => c.body)).toEqual([
      { kind: 'reply', body: 'We have refunded you.', attachmentIds: [], status: 'pending', version: 4 },
    ]);
    expect(await screen.findByText('Reply sent')).toBeInTheDocument();
    expect(screen.getByText('The customer has your reply; the ticket is pending.')).toBeInTheDocument();
  });

  it('Undo within five seconds puts the draft back and sends nothing', async () => {
    const net = stubComposer(makeTicket(7));
    const { user } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Wait, not yet');
    await user.click(sendButton());
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('');
    await user.click(await screen.findByRole('button', { name: 'Undo' }));

    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('Wait, not yet');
    await afterUndoWindow();
    expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(0);
    expect(screen.queryByText('Sending…')).not.toBeInTheDocument();
  });

  it('sends with another allowed status from the menu', async () => {
    const net = stubComposer(makeTicket(7));
    const { user } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Solved, I think.');
    await user.click(screen.getByRole('button', { name: 'Send with another status' }));
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(items).toEqual(['Send as Open', 'Send as Pending', 'Send as On hold', 'Send as Solved']);
    await user.click(screen.getByRole('menuitem', { name: 'Send as Solved' }));
    await afterUndoWindow();

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
    await afterUndoWindow();
    await waitFor(() => expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(1));
    expect(net.callsTo('POST /tickets/7/messages')[0]?.body).toEqual({
      kind: 'note',
      body: 'Customer called twice',
      attachmentIds: [],
      version: 1,
    });
    expect(await screen.findByText('Note added')).toBeInTheDocument();
  });

  it('Ctrl+Enter twice sends the reply once', async () => {
    const net = stubComposer(makeTicket(7));
    const inFlight = deferred();
    net.on('POST /tickets/7/messages', inFlight.answer);
    const { user } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hello');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await user.keyboard('{Control>}{Enter}{/Control}');
    await afterUndoWindow();

    inFlight.resolve({ id: 900 });
    await waitFor(() => expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(1));
    await afterUndoWindow();
    expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(1);
  });

  it('shows why a reply was not sent, and keeps the draft', async () => {
    const net = stubComposer(makeTicket(7));
    net.on('POST /tickets/7/messages', replyError(422, 'VALIDATION_FAILED', 'The reply is too long.'));
    const { user, onClose } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hello');
    await user.click(sendButton());
    await afterUndoWindow();

    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('Hello'));
    const alerts = await screen.findAllByRole('alert');
    const inComposer = alerts.find((a) => a.textContent?.includes('The reply is too long.'));
    expect(inComposer).toHaveTextContent('The reply was not sent');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(window.localStorage.getItem('steward.draft.v1.7.reply')).not.toBeNull();
  });

  it('a change by someone else since the ticket was read blocks sending until reviewed', async () => {
    const net = stubComposer(makeTicket(7));
    net.on('POST /tickets/7/messages', replyError(409, 'TICKET_VERSION_CONFLICT', 'The ticket changed.'));
    const { user } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hello');
    await user.click(sendButton());
    await afterUndoWindow();

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

  it('puts the ticket’s copies in Cc, and sends exactly the Cc and Bcc as edited', async () => {
    const net = stubComposer(makeTicket(7), ['boss@example.test']);
    const { user } = renderComposer();

    const cc = await screen.findByLabelText('Cc', { selector: 'input' });
    expect(screen.getByText('boss@example.test')).toBeInTheDocument();
    await user.type(cc, 'Finance@Example.test{Enter}');
    await user.type(cc, 'not an address{Enter}');
    expect(await screen.findByText(/is not an email address/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Bcc' }));
    await user.type(screen.getByLabelText('Bcc', { selector: 'input' }), 'audit@example.test{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Copying finance.');
    await user.click(sendButton());
    await afterUndoWindow();

    await waitFor(() => expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(1));
    expect(net.callsTo('POST /tickets/7/messages')[0]?.body).toMatchObject({
      cc: ['boss@example.test', 'finance@example.test'],
      bcc: ['audit@example.test'],
    });
  });

  it('previews the reply as the server renders it', async () => {
    const net = stubComposer(makeTicket(7));
    net.on('POST /tickets/7/messages/preview', { html: '<p>Hello <strong>Grace</strong></p>' });
    const { user } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hello **Grace**');
    await user.click(screen.getByRole('button', { name: 'Preview' }));

    const preview = await screen.findByRole('region', { name: 'Preview' });
    await waitFor(() => expect(within(preview).getByText('Grace').tagName).toBe('STRONG'));
    expect(net.callsTo('POST /tickets/7/messages/preview')[0]?.body).toEqual({ body: 'Hello **Grace**' });
    await user.click(screen.getByRole('button', { name: 'Preview' }));
    expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('Hello **Grace**');
  });

  it('asks before sending while a colleague is replying', async () => {
    const net = stubComposer(makeTicket(7));
    const { user } = renderComposer(makeTicket(7), 'reply', [
      { userId: 9, name: 'Morgan Reyes', replying: true },
    ]);

    expect(screen.getByText(/Morgan Reyes is replying right now/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Me too');
    await user.click(sendButton());
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Morgan Reyes is writing a reply to this ticket right now.');
    await user.click(within(dialog).getByRole('button', { name: 'Send anyway' }));
    await afterUndoWindow();
    await waitFor(() => expect(net.callsTo('POST /tickets/7/messages')).toHaveLength(1));
  });

  it('tells the server while a reply is being written, and when it stops', async () => {
    const net = stubComposer(makeTicket(7));
    const { user } = renderComposer();

    await user.type(screen.getByRole('textbox', { name: 'Reply' }), 'Hi');
    await waitFor(() => expect(net.callsTo('PUT /tickets/7/replying')).toHaveLength(1));
    await user.clear(screen.getByRole('textbox', { name: 'Reply' }));
    await waitFor(() => expect(net.callsTo('DELETE /tickets/7/replying')).toHaveLength(1));
  });

  it('a picture pasted into the text is uploaded, attached and put in the text', async () => {
    const net = stubComposer(makeTicket(7));
    net.on('POST /tickets/7/attachments', {
      id: 31,
      filename: 'screen.png',
      contentType: 'image/png',
      size: 2048,
      url: '/api/v1/attachments/31',
    });
    renderComposer();

    const reply = screen.getByRole('textbox', { name: 'Reply' });
    const picture = new File(['png'], 'screen.png', { type: 'image/png' });
    fireEvent.paste(reply, { clipboardData: { files: [picture], getData: () => '' } });

    await waitFor(() => expect(reply).toHaveValue('![screen.png](/api/v1/attachments/31)\n'));
    expect(screen.getByText('screen.png (2 KB)')).toBeInTheDocument();
  });

  describe('rich text', () => {
    beforeEach(() => {
      window.localStorage.removeItem('steward.composer.editor.v1');
    });

    it('writes replies with formatting by default and switches to the Markdown source, text kept', async () => {
      window.localStorage.setItem(
        'steward.draft.v1.7.reply',
        JSON.stringify({ body: 'Hello **Grace**', attachments: [] }),
      );
      stubComposer(makeTicket(7));
      const { user } = renderComposer();

      const editor = await screen.findByRole('textbox', { name: 'Reply' });
      expect(editor).toHaveAttribute('contenteditable', 'true');
      await waitFor(() => expect(within(editor).getByText('Grace').tagName).toBe('STRONG'));
      expect(screen.getByRole('button', { name: 'Bold' })).toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: 'Markdown source' }));
      expect(screen.getByRole('textbox', { name: 'Reply' })).toHaveValue('Hello **Grace**');
      expect(window.localStorage.getItem('steward.composer.editor.v1')).toBe('markdown');
    });

    it('notes keep the Markdown box with @mentions', async () => {
      stubComposer(makeTicket(7));
      renderComposer(makeTicket(7), 'note');
      expect(screen.getByRole('textbox', { name: 'Internal note' }).tagName).toBe('TEXTAREA');
    });
  });
});
