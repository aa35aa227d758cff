import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeContract, me } from '../../test/fixtures';
import { stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { OrganizationContractCard } from './OrganizationContractCard';

const organization = { id: 7, name: 'Northwind Logistics' };
const contracts = [
  makeContract(1, { plan: 'Basic', status: 'expired', startsOn: '2024-01-01', endsOn: '2024-12-31' }),
  makeContract(2, {
    plan: 'Premium',
    reviewDue: true,
    usage: { month: '2026-12', used: 12, included: 10, over: true },
  }),
  makeContract(3, { plan: 'Premium Plus', status: 'upcoming', startsOn: '2027-01-01', endsOn: '2027-12-31' }),
];

describe('OrganizationContractCard', { timeout: 30_000 }, () => {
  it('shows the running contract in full, the next and past ones small, and lets a manager change them', async () => {
    stubNetwork({ 'GET /contracts': { data: contracts } });
    const { user } = renderWithProviders(<OrganizationContractCard organization={organization} />, {
      me: { ...me, role: 'manager' },
    });
    const card = await screen.findByRole('region', { name: 'Contract' });
    expect(await within(card).findByText('Premium')).toBeInTheDocument();
    expect(within(card).getByText('Review due')).toBeInTheDocument();
    expect(within(card).getByText('Over: 12 of 10 tickets this month')).toBeInTheDocument();
    expect(within(card).getByText('Next contract')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Premium Plus' })).toBeInTheDocument();
    expect(within(card).getByText('Past contracts')).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Basic' }));
    expect(
      await screen.findByRole('dialog', { name: 'Edit Northwind Logistics · Basic' }),
    ).toBeInTheDocument();
  });

  it('lets an agent read the contract without changing it, and says when there is none', async () => {
    stubNetwork({ 'GET /contracts': { data: [] } });
    renderWithProviders(<OrganizationContractCard organization={organization} />);
    expect(await screen.findByText('No support contract on record.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add contract' })).toBeNull();
  });
});
