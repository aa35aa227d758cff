import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../contracts/audit';
import { me } from '../../test/fixtures';
import { stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { AuditPage } from './AuditPage';

const AT = '2026-11-20T09:00:00.000Z';

function entry(id: number, overrides: Partial<AuditEntry>): AuditEntry {
  return {
    id,
    actor: { type: 'user', id: 7, name: 'Morgan Reyes' },
    action: 'auth.login',
    summary: [{ text: 'signed in' }],
    entityType: 'user',
    entityId: '7',
    entityName: 'Morgan Reyes',
    changes: {},
    ip: '10.0.0.1',
    createdAt: AT,
    ...overrides,
  };
}

const entries = [
  entry(3, {
    action: 'ticket.updated',
    summary: [
      { text: 'changed priority from normal to high on ticket ' },
      { text: '#12 Printer jam', entity: { type: 'ticket', id: '12' } },
    ],
    entityType: 'ticket',
    entityId: '12',
    changes: { priority: { before: 'normal', after: 'high' } },
  }),
  entry(2, {
    actor: { type: 'user', id: 1, name: 'Alex Admin' },
    action: 'mailbox.updated',
    summary: [
      { text: 'changed display name of mailbox ' },
      { text: 'help@acme.example', entity: { type: 'mailbox', id: '4' } },
    ],
    entityType: 'mailbox',
    entityId: '4',
  }),
  entry(1, { actor: { type: 'system', id: null, name: 'Steward' } }),
];

describe('AuditPage', () => {
  it('reads each entry as a sentence, linking only where the viewer may go', async () => {
    const network = stubNetwork({
      'GET /audit-log': { data: entries, nextCursor: null },
      'GET /users': { data: [], nextCursor: null },
    });
    renderWithProviders(<AuditPage />, {
      route: '/admin/audit?action=ticket.updated',
      me: { ...me, role: 'manager' },
    });

    const table = await screen.findByRole('table', { name: 'Audit log' });
    const ticketRow = within(table).getByRole('row', { name: /changed priority/ });
    expect(within(ticketRow).getByRole('link', { name: 'Morgan Reyes' })).toHaveAttribute(
      'href',
      '/admin/users/7',
    );
    expect(within(ticketRow).getByRole('link', { name: '#12 Printer jam' })).toHaveAttribute(
      'href',
      '/inbox/all/tickets/12',
    );
    // Mail settings are for admins: a manager reads the name, without a link.
    const mailRow = within(table).getByRole('row', { name: /display name/ });
    expect(within(mailRow).queryByRole('link', { name: 'help@acme.example' })).toBeNull();
    expect(within(mailRow).getByText('help@acme.example')).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Steward System signed in/ })).toBeInTheDocument();

    await waitFor(() =>
      expect(network.callsTo('GET /audit-log')[0]?.query.get('action')).toBe('ticket.updated'),
    );
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/v1/audit-log/export?action=ticket.updated',
    );
  });
});
