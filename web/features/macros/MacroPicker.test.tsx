import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Macro } from '../../../contracts/macros';
import { makeTicket } from '../../test/fixtures';
import { reply, replyError, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { MacroPicker, matchMacros } from './MacroPicker';

function macro(id: number, name: string, overrides: Partial<Macro> = {}): Macro {
  return {
    id,
    name,
    description: '',
    body: '',
    internal: false,
    actions: {},
    visibility: 'shared',
    team: null,
    owner: null,
    usageCount: 0,
    lastUsedAt: null,
    canEdit: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const macros = [
  macro(1, 'Return label sent', { description: 'Free returns within 30 days' }),
  macro(2, 'Refund issued', { body: 'Your money is on its way back.' }),
  macro(3, 'Descaling steps', { body: 'Boil vinegar to clear the limescale.', internal: true }),
];
const ticket = makeTicket(42, { version: 5 });
const preview = {
  reply: {
    body: 'Hi Grace, your refund is on its way.',
    html: '<p>Hi Grace, your refund is on its way.</p>',
    internal: false,
  },
  changes: [{ field: 'status', label: 'Status', before: 'Open', after: 'Solved' }],
};

describe('matchMacros', () => {
  it('finds every word in the name, description or text, names that start with it first', () => {
    expect(matchMacros(macros, 're').map((m) => m.id)).toEqual([1, 2]);
    expect(matchMacros(macros, 'limescale').map((m) => m.id)).toEqual([3]);
    expect(matchMacros(macros, 'free 30').map((m) => m.id)).toEqual([1]);
    expect(matchMacros(macros, '').map((m) => m.id)).toEqual([1, 2, 3]);
  });
});

describe('MacroPicker', { timeout: 60_000 }, () => {
  it('is worked by the keyboard: type, arrows, Enter to preview, Enter to apply', async () => {
    const net = stubNetwork({ 'GET /macros': { data: macros } });
    net.on('POST /macros/2/preview', () => reply(200, preview));
    net.on('POST /macros/2/apply', () =>
      reply(200, { ...preview, ticket: { ...ticket, status: 'solved', version: 6 } }),
    );
    const onApplied = vi.fn();
    const onClose = vi.fn();
    const { user } = renderWithProviders(
      <MacroPicker ticket={ticket} opened onClose={onClose} onApplied={onApplied} />,
    );
    const search = await screen.findByRole('combobox', { name: 'Search macros' });
    await waitFor(() => expect(search).toHaveFocus());
    await user.keyboard('re');
    expect(await screen.findAllByRole('option')).toHaveLength(2);
    expect(screen.getByRole('option', { name: /Return label sent/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('option', { name: /Refund issued/ })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');

    // The changes in words and the text, before anything changes.
    expect(await screen.findByText('Solved')).toBeInTheDocument();
    expect(screen.getByText('Open')).toBeInTheDocument();
    expect(screen.getByText('Hi Grace, your refund is on its way.')).toBeInTheDocument();
    expect(net.callsTo('POST /macros/2/apply')).toHaveLength(0);
    const apply = screen.getByRole('button', { name: 'Apply macro' });
    await waitFor(() => expect(apply).toHaveFocus());
    await user.keyboard('{Enter}');

    await waitFor(() =>
      expect(onApplied).toHaveBeenCalledWith({
        body: 'Hi Grace, your refund is on its way.',
        internal: false,
      }),
    );
    expect(net.callsTo('POST /macros/2/apply')[0]?.body).toEqual({ ticketId: 42, version: 5 });
    expect(onClose).toHaveBeenCalled();
  });

  it('says so when the ticket changed since it was opened, and applies nothing', async () => {
    const net = stubNetwork({ 'GET /macros': { data: macros } });
    net.on('POST /macros/1/preview', () => reply(200, { ...preview, changes: [] }));
    net.on('POST /macros/1/apply', () =>
      replyError(409, 'TICKET_VERSION_CONFLICT', 'Ticket #42 was changed'),
    );
    const onApplied = vi.fn();
    const { user } = renderWithProviders(
      <MacroPicker ticket={ticket} opened onClose={vi.fn()} onApplied={onApplied} />,
    );
    await user.click(await screen.findByRole('option', { name: /Return label sent/ }));
    expect(await screen.findByText('None: the ticket stays as it is.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply macro' }));
    expect(await screen.findByText('The ticket changed meanwhile')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply macro' })).toBeDisabled();
    expect(onApplied).not.toHaveBeenCalled();
  });

  it('shows what to do when there are no macros', async () => {
    stubNetwork({ 'GET /macros': { data: [] } });
    renderWithProviders(<MacroPicker ticket={ticket} opened onClose={vi.fn()} onApplied={vi.fn()} />);
    expect(await screen.findByText('No macros yet')).toBeInTheDocument();
  });
});
