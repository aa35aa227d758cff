import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { makeCategory, makeTicket, me, page } from '../../test/fixtures';
import { reply, type StubRequest, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { NewTicketModal } from './NewTicketModal';

/** Types by pasting: one change, as fast as a test can go. */
async function fill(user: ReturnType<typeof renderModal>['user'], label: string, text: string) {
  await user.click(screen.getByLabelText(new RegExp(`^${label}`)));
  await user.paste(text);
}

const team = (id: number, name: string) => ({
  id,
  name,
  description: '',
  lead: null,
  members: [],
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-20T09:00:00.000Z',
});

function stubModal() {
  const net = stubNetwork({
    'GET /users': page([]),
    'GET /teams': page([team(1, 'Support'), team(2, 'Technical')]),
    'GET /categories': { data: [makeCategory(5, 'Orders › Delivery')] },
  });
  net.on('POST /tickets', (request: StubRequest) =>
    reply(201, makeTicket(42, { subject: String((request.body as { subject: string }).subject) })),
  );
  return net;
}

function renderModal() {
  const onClose = vi.fn();
  const rendered = renderWithProviders(
    <NewTicketModal opened onClose={onClose} requester={{ id: 9, name: 'Rosa Moreau' }} />,
    { route: '/inbox/all' },
  );
  return { ...rendered, onClose };
}

// A modal with a whole form: slow to render on a busy machine.
describe('NewTicketModal', { timeout: 60_000 }, () => {
  it("opens the ticket with the agent's own message on the channel they chose, in their team's queue", async () => {
    const net = stubModal();
    const { user, location } = renderModal();
    expect(await screen.findByLabelText(/^Call summary/)).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getByLabelText(/^Team/, { selector: 'input' })).toHaveValue(me.teams[0]!.name),
    );

    await user.click(screen.getByLabelText('Email'));
    expect(screen.getByLabelText(/^Email to the customer/)).toBeInTheDocument();
    await fill(user, 'Subject', 'Your invoice copy');
    await fill(user, 'Email to the customer', 'Here it is, Rosa.');
    await user.click(screen.getByLabelText(/^Category/, { selector: 'input' }));
    await user.click(await screen.findByText('Orders › Delivery'));
    await user.click(screen.getByText('Create and send'));

    await waitFor(() => expect(net.callsTo('POST /tickets')).toHaveLength(1));
    expect(net.callsTo('POST /tickets')[0]?.body).toEqual({
      subject: 'Your invoice copy',
      requesterId: 9,
      channel: 'email',
      message: { body: 'Here it is, Rosa.', attachmentIds: [], author: 'agent' },
      type: 'question',
      priority: 'normal',
      assigneeId: null,
      teamId: me.teams[0]!.id,
      categoryId: 5,
    });
    await waitFor(() => expect(location()).toBe('/inbox/all/tickets/42'));
  });

  it('offers phone, email, walk-in and other, and a phone call is not sent to anyone', async () => {
    const net = stubModal();
    const { user } = renderModal();
    const channels = await screen.findByRole('radiogroup', { name: 'How did the customer get in touch?' });
    expect(
      within(channels)
        .getAllByRole('radio')
        .map((r) => r.getAttribute('value')),
    ).toEqual(['phone', 'email', 'walk_in', 'other']);
    await user.click(screen.getByLabelText('Walk-in'));
    await fill(user, 'Subject', 'Returned a kettle');
    await fill(user, 'Visit summary', 'Brought the kettle back.');
    await user.click(screen.getByText('Create ticket'));
    await waitFor(() => expect(net.callsTo('POST /tickets')).toHaveLength(1));
    expect(net.callsTo('POST /tickets')[0]?.body).toMatchObject({
      channel: 'walk_in',
      message: { author: 'agent' },
    });
  });
});
