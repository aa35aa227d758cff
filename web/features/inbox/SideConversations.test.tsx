import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SideConversation } from '../../../contracts/side-conversations';
import { replyError, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { SideConversations } from './SideConversations';

const withSupplier: SideConversation = {
  id: 3,
  ticketId: 7,
  subject: 'Kettle stock',
  to: ['orders@supplier.example'],
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T11:00:00.000Z',
  messages: [
    {
      id: 1,
      direction: 'out',
      author: { userId: 1, name: 'Ada Agent' },
      from: 'support@acme.example',
      body: 'Any kettles left?',
      createdAt: '2026-12-01T10:00:00.000Z',
    },
    {
      id: 2,
      direction: 'in',
      author: { userId: null, name: 'Sam Supplier' },
      from: 'orders@supplier.example',
      body: 'Twelve, three of them red.',
      createdAt: '2026-12-01T11:00:00.000Z',
    },
  ],
};

describe('SideConversations', () => {
  it('says when there are none and starts one with the third party', async () => {
    const net = stubNetwork({
      'GET /tickets/7/side-conversations': { items: [] },
      'POST /tickets/7/side-conversations': withSupplier,
    });
    const { user } = renderWithProviders(<SideConversations ticketId={7} disabled={false} />);
    expect(await screen.findByText('No side conversations yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Start a side conversation' }));
    const form = screen.getByRole('form', { name: 'New side conversation' });
    await user.click(within(form).getByRole('button', { name: 'Send' }));
    expect(within(form).getByText('Give at least one address')).toBeInTheDocument();
    expect(net.callsTo('POST /tickets/7/side-conversations')).toHaveLength(0);

    await user.type(
      within(form).getByPlaceholderText('name@example.com, then Enter'),
      'orders@supplier.example,',
    );
    await user.type(within(form).getByRole('textbox', { name: /Subject/ }), 'Kettle stock');
    await user.type(within(form).getByRole('textbox', { name: /Message/ }), 'Any kettles left?');
    await user.click(within(form).getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(net.callsTo('POST /tickets/7/side-conversations')).toHaveLength(1));
    expect(net.callsTo('POST /tickets/7/side-conversations')[0]?.body).toEqual({
      to: ['orders@supplier.example'],
      subject: 'Kettle stock',
      body: 'Any kettles left?',
    });
  });

  it('shows the messages both ways and replies', async () => {
    const net = stubNetwork({
      'GET /tickets/7/side-conversations': { items: [withSupplier] },
      'POST /side-conversations/3/messages': withSupplier,
    });
    const { user } = renderWithProviders(<SideConversations ticketId={7} disabled={false} />);
    const card = await screen.findByRole('article', { name: 'Side conversation: Kettle stock' });
    expect(within(card).getByText('With orders@supplier.example')).toBeInTheDocument();
    expect(within(card).getByText('Any kettles left?')).toBeInTheDocument();
    expect(within(card).getByText('Twelve, three of them red.')).toBeInTheDocument();
    expect(within(card).getByText('Received')).toBeInTheDocument();
    await user.type(within(card).getByRole('textbox', { name: /Reply to/ }), 'Send two red ones');
    await user.click(within(card).getByRole('button', { name: 'Send reply' }));
    await waitFor(() => expect(net.callsTo('POST /side-conversations/3/messages')).toHaveLength(1));
    expect(net.callsTo('POST /side-conversations/3/messages')[0]?.body).toEqual({
      body: 'Send two red ones',
    });
  });

  it('puts the server’s refusal on the address field', async () => {
    stubNetwork({
      'GET /tickets/7/side-conversations': { items: [] },
      'POST /tickets/7/side-conversations': replyError(400, 'VALIDATION_FAILED', 'Not allowed', [
        { path: ['to'], message: 'pat@customer.example is the customer' },
      ]),
    });
    const { user } = renderWithProviders(<SideConversations ticketId={7} disabled={false} />);
    await user.click(await screen.findByRole('button', { name: 'Start a side conversation' }));
    const form = screen.getByRole('form', { name: 'New side conversation' });
    await user.type(
      within(form).getByPlaceholderText('name@example.com, then Enter'),
      'pat@customer.example,',
    );
    await user.type(within(form).getByRole('textbox', { name: /Subject/ }), 'Hi');
    await user.type(within(form).getByRole('textbox', { name: /Message/ }), 'Hello');
    await user.click(within(form).getByRole('button', { name: 'Send' }));
    expect(await within(form).findByText('pat@customer.example is the customer')).toBeInTheDocument();
  });

  it('offers to try again when they cannot be loaded', async () => {
    stubNetwork({ 'GET /tickets/7/side-conversations': replyError(500, 'INTERNAL', 'Broken') });
    renderWithProviders(<SideConversations ticketId={7} disabled={false} />);
    expect(await screen.findByText('The side conversations could not be loaded')).toBeInTheDocument();
  });
});
