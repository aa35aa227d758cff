import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeContract } from '../../test/fixtures';
import { stubNetwork } from '../../test/network';
import { renderWithProviders } from '../../test/render';
import { RequesterContractNotice, TicketContractFlag } from './ContractNotices';
import { UsageMeter } from './ContractParts';

const organization = { id: 7, name: 'Northwind Logistics' };

describe('contract flags', { timeout: 30_000 }, () => {
  it('flags a ticket whose organisation’s contract has expired, linking to the organisation', async () => {
    stubNetwork({
      'GET /tickets/12/contract': {
        contract: makeContract(1, { status: 'expired', endsOn: '2026-12-01' }),
        flags: { expired: true, overEntitlement: false },
      },
    });
    renderWithProviders(<TicketContractFlag ticket={{ id: 12, organization }} />);
    const link = await screen.findByRole('link', { name: 'Contract expired on 2026-12-01' });
    expect(link).toHaveAttribute('href', '/organizations/7');
  });

  it('flags usage past the entitlement, and names the plan quietly otherwise', async () => {
    const net = stubNetwork({
      'GET /tickets/12/contract': {
        contract: makeContract(1, { usage: { month: '2026-12', used: 12, included: 10, over: true } }),
        flags: { expired: false, overEntitlement: true },
      },
      'GET /tickets/13/contract': {
        contract: makeContract(2, { plan: 'Gold' }),
        flags: { expired: false, overEntitlement: false },
      },
    });
    renderWithProviders(
      <>
        <TicketContractFlag ticket={{ id: 12, organization }} />
        <TicketContractFlag ticket={{ id: 13, organization }} />
        <TicketContractFlag ticket={{ id: 14, organization: null }} />
      </>,
    );
    expect(
      await screen.findByRole('link', { name: 'Over entitlement: 12 of 10 tickets this month' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Plan: Gold' })).toBeInTheDocument();
    // A ticket without an organisation has no contract to ask about.
    expect(net.callsTo('GET /tickets/14/contract')).toHaveLength(0);
  });

  it('shows this month’s use as a bar and in words, saying so when it is past what is included', () => {
    stubNetwork();
    renderWithProviders(
      <UsageMeter
        contract={makeContract(1, { usage: { month: '2026-12', used: 12, included: 10, over: true } })}
      />,
    );
    expect(
      screen.getByRole('progressbar', { name: 'Used this month: 12 of 10 tickets this month' }),
    ).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByText('Over: 12 of 10 tickets this month')).toBeInTheDocument();
  });

  it('warns before a ticket is opened for a customer whose organisation’s contract has expired', async () => {
    const net = stubNetwork({
      'GET /customers/9': { id: 9, name: 'Rosa Moreau', organization },
      'GET /contracts': {
        data: [
          makeContract(1, { status: 'expired', startsOn: '2025-01-01', endsOn: '2025-12-31' }),
          makeContract(2, { status: 'upcoming', startsOn: '2027-01-01', endsOn: '2027-12-31' }),
        ],
      },
    });
    renderWithProviders(<RequesterContractNotice customerId={9} />);
    expect(await screen.findByText('Contract expired on 2025-12-31')).toBeInTheDocument();
    expect(screen.getByText('Northwind Logistics')).toBeInTheDocument();
    expect(net.callsTo('GET /contracts')[0]?.query.get('organizationId')).toBe('7');
  });
});
