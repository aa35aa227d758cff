import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SlaEvent } from '../../../contracts/sla';
import type { TicketEvent } from '../../../contracts/tickets';
import { page } from '../../test/fixtures';
import { stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { TicketHistory } from './TicketHistory';

const actor = { type: 'user', id: 1, name: 'Ada' };
const event = (id: number, type: string, at: string, to: string | null = null): TicketEvent => ({
  id,
  type,
  actor,
  from: null,
  to,
  createdAt: at,
});
const slaEvent = (id: number, detail: string, at: string): SlaEvent => ({
  id,
  type: 'started',
  metric: 'first_reply',
  policy: { id: 1, name: 'Standard' },
  detail,
  at,
});

describe('TicketHistory', () => {
  it('puts what moved the service-level clocks among the ticket’s changes, in the order they happened', async () => {
    stubNetwork({ 'GET /users': page([]), 'GET /teams': page([]), 'GET /categories': { data: [] } });
    renderWithProviders(
      <TicketHistory
        events={[
          event(1, 'created', '2026-12-01T09:00:00.000Z', 'new'),
          event(2, 'status_changed', '2026-12-01T10:00:00.000Z', 'pending'),
        ]}
        slaEvents={[
          slaEvent(1, 'First reply clock started: target 4 h around the clock', '2026-12-01T09:00:00.000Z'),
          slaEvent(2, 'First reply clock paused', '2026-12-01T10:00:00.000Z'),
          slaEvent(3, 'Policy "Standard" applies', '2026-12-01T11:00:00.000Z'),
        ]}
      />,
    );
    const items = within(await screen.findByRole('list', { name: 'History' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Ada opened the ticket as New/),
      expect.stringMatching(/^Service level: First reply clock started/),
      expect.stringMatching(/^Ada changed the status from nothing to Pending/),
      expect.stringMatching(/^Service level: First reply clock paused/),
      expect.stringMatching(/^Service level: Policy "Standard" applies/),
    ]);
  });
});
