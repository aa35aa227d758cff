import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeGoal, me, page } from '../../test/fixtures';
import { stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { GoalsPage } from './GoalsPage';

const billing = makeGoal(1);
const department = makeGoal(2, {
  name: 'Solve the month',
  kpi: 'solved',
  kpiLabel: 'Tickets solved',
  unit: 'count',
  target: 100,
  owner: { kind: 'department', team: null, agent: null },
  progress: { value: 40, through: '2026-11-18', elapsed: 0.6, forecast: 66.7 },
});
const member = { id: 7, name: 'Max Member', email: 'max@example.test', initials: 'MM' };
const team = (id: number, name: string, leadId: number | null) => ({
  id,
  name,
  description: '',
  lead: leadId === null ? null : { ...member, id: leadId, name: 'Lead' },
  members: [member],
  calendar: null,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
});

function stubGoals() {
  return stubNetwork({
    'GET /goals': { data: [billing, department] },
    'GET /teams': page([team(3, 'Billing', me.id), team(4, 'Shipping', null)]),
    'GET /users': page([]),
  });
}

describe('GoalsPage', () => {
  it('shows each goal with its progress and trajectory; a manager keeps them all', async () => {
    stubGoals();
    renderWithProviders(<GoalsPage />, { me: { ...me, role: 'manager' } });
    const card = await screen.findByRole('article', { name: 'Billing CSAT' });
    expect(within(card).getByText('At risk')).toBeInTheDocument();
    expect(
      within(card).getByRole('progressbar', { name: /80\.0 % against a target of 90\.0 %/ }),
    ).toBeInTheDocument();
    const solve = screen.getByRole('article', { name: 'Solve the month' });
    expect(within(solve).getByText(/Forecast 67/)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'New goal' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Edit Solve the month' })).toBeInTheDocument();
  });

  it('lets a team’s lead keep their team’s goals only, and other agents only read', async () => {
    stubGoals();
    const { unmount } = renderWithProviders(<GoalsPage />, { me });
    expect(await screen.findByRole('button', { name: 'Edit Billing CSAT' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit Solve the month' })).toBeNull();
    unmount();

    stubNetwork({
      'GET /goals': { data: [billing, department] },
      'GET /teams': page([team(3, 'Billing', null)]),
    });
    renderWithProviders(<GoalsPage />, { me });
    expect(await screen.findByRole('article', { name: 'Billing CSAT' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New goal' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Edit / })).toBeNull();
  });
});
