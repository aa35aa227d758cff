import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../../../contracts/sla';
import { me, page } from '../../test/fixtures';
import { type StubRequest, stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { SlaPoliciesPage } from './SlaPoliciesPage';

const at = '2026-11-20T09:00:00.000Z';
const policy = (id: number, name: string, overrides: Partial<SlaPolicy> = {}): SlaPolicy => ({
  id,
  name,
  description: '',
  position: id,
  active: true,
  conditions: {},
  targets: { normal: { first_reply: { minutes: 240, businessHours: true } } },
  calendar: null,
  pauseOn: ['pending', 'on_hold'],
  warnAtPercent: 75,
  onBreach: { raisePriority: false, escalateToTeam: null },
  createdAt: at,
  updatedAt: at,
  ...overrides,
});

const manager = { ...me, role: 'manager' as const };
const names = () =>
  within(screen.getByRole('list', { name: 'Policies, first to last' }))
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('aria-label'));

function stub(policies: SlaPolicy[]) {
  const net = stubNetwork({
    'GET /sla-policies': { data: policies },
    'GET /teams': page([]),
    'GET /business-hours': { data: [] },
    'GET /categories': { data: [] },
  });
  net.on('POST /sla-policies/dry-run', (request: StubRequest) => {
    const ids = (request.body as { ids: number[] }).ids;
    const first = policies.find((p) => p.id === ids[0])!;
    return {
      data: [
        {
          ticketId: 7,
          subject: 'Refund for a broken kettle',
          priority: 'urgent',
          current: { id: 1, name: 'Standard' },
          proposed: { id: first.id, name: first.name },
        },
      ],
      changed: first.id === 1 ? 0 : 1,
    };
  });
  net.on('PUT /sla-policies/order', (request: StubRequest) => {
    const ids = (request.body as { ids: number[] }).ids;
    return { data: ids.map((id) => policies.find((p) => p.id === id)!) };
  });
  return net;
}

describe('SlaPoliciesPage', { timeout: 60_000 }, () => {
  it('explains what a policy is when there is none, and offers to create one', async () => {
    stub([]);
    renderWithProviders(<SlaPoliciesPage />, { me: manager });
    expect(await screen.findByText('No SLA policies yet')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'New policy' })).toHaveLength(2);
  });

  it('moves a policy up with the keyboard, shows which tickets would change, and saves the order', async () => {
    const net = stub([
      policy(1, 'Standard'),
      policy(2, 'Urgent incidents', {
        conditions: { type: ['incident'], priority: ['urgent'] },
        targets: { urgent: { first_reply: { minutes: 30, businessHours: false } } },
      }),
    ]);
    const { user } = renderWithProviders(<SlaPoliciesPage />, { me: manager });
    expect(await screen.findByText('Urgent priority · Incident')).toBeInTheDocument();
    expect(screen.getByText('Urgent: first reply 30 min around the clock')).toBeInTheDocument();
    expect(screen.getByText('Normal: first reply 4 h in business hours')).toBeInTheDocument();

    screen.getByRole('button', { name: 'Move Urgent incidents up' }).focus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['Urgent incidents', 'Standard']);
    const dryRun = await screen.findByRole('region', { name: /tried on the last 100 tickets/ });
    expect(
      await within(dryRun).findByText('1 ticket of the last 1 would change policy.'),
    ).toBeInTheDocument();
    expect(
      within(dryRun).getByRole('row', { name: /#7 Refund for a broken kettle Standard Urgent incidents/ }),
    ).toBeInTheDocument();
    expect(net.callsTo('POST /sla-policies/dry-run')[0]?.body).toEqual({ ids: [2, 1] });

    // A policy for every ticket above the others leaves them nothing (the saved order, here).
    expect(screen.queryByText(/Never applies/)).not.toBeInTheDocument();
    screen.getByRole('button', { name: 'Move Standard up' }).focus();
    await user.keyboard('{Enter}');
    expect(
      within(screen.getByRole('listitem', { name: 'Urgent incidents' })).getByText(
        '“Standard” above takes every ticket',
        { exact: false },
      ),
    ).toBeInTheDocument();
    screen.getByRole('button', { name: 'Move Urgent incidents up' }).focus();
    await user.keyboard('{Enter}');
    const again = await screen.findByRole('region', { name: /tried on the last 100 tickets/ });
    await user.click(within(again).getByRole('button', { name: 'Save order' }));
    await waitFor(() => expect(net.callsTo('PUT /sla-policies/order')).toHaveLength(1));
    expect(net.callsTo('PUT /sla-policies/order')[0]?.body).toEqual({ ids: [2, 1] });
  });

  it('reorders by dragging, and Cancel puts the saved order back', async () => {
    stub([policy(1, 'Standard'), policy(2, 'Complaints'), policy(3, 'Key accounts')]);
    const { user } = renderWithProviders(<SlaPoliciesPage />, { me: manager });
    await screen.findByText('Key accounts');
    const item = (name: string) => screen.getByRole('listitem', { name });
    const dataTransfer = { setData: () => undefined, effectAllowed: 'all' };
    fireEvent.dragStart(item('Key accounts'), { dataTransfer });
    fireEvent.dragOver(item('Standard'), { dataTransfer });
    fireEvent.drop(item('Key accounts'), { dataTransfer });
    expect(names()).toEqual(['Key accounts', 'Standard', 'Complaints']);
    await user.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(names()).toEqual(['Standard', 'Complaints', 'Key accounts']);
    expect(screen.queryByRole('region', { name: /tried on the last 100 tickets/ })).not.toBeInTheDocument();
  });

  it('shows agents the policies without the controls to change them', async () => {
    stub([policy(1, 'Standard')]);
    renderWithProviders(<SlaPoliciesPage />, { me });
    expect(await screen.findByText('Standard')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Move|Edit|Delete|New policy/ })).not.toBeInTheDocument();
  });
});
