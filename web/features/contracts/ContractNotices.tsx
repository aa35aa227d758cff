import { Alert } from '@mantine/core';
import type { Ticket } from '../../../contracts/tickets';
import { useCustomer } from '../customers/customers.queries';
import { ContractFlagText } from './ContractParts';
import { useOrganizationContracts, useTicketContract } from './contracts.queries';
import { contractFlag, currentContract, ticketContractFlag } from './contractText';

/** On an open ticket: its organisation's contract, flagged when it has expired or is used up, else its plan quietly. */
export function TicketContractFlag({ ticket }: { ticket: Pick<Ticket, 'id' | 'organization'> }) {
  const organization = ticket.organization;
  const answer = useTicketContract(ticket.id, organization !== null);
  const flag = ticketContractFlag(answer.data);
  if (!organization || !flag) return null;
  return <ContractFlagText flag={flag} to={`/organizations/${organization.id}`} />;
}

/**
 * Before a ticket is opened for a customer: a warning when their organisation's contract has
 * expired or this month's entitlement is used up. Nothing otherwise.
 */
export function RequesterContractNotice({ customerId }: { customerId: number | null }) {
  const customer = useCustomer(customerId ?? 0);
  const organization = customer.data?.organization ?? null;
  const contracts = useOrganizationContracts(organization?.id ?? null);
  const flag = contractFlag(currentContract(contracts.data ?? []));
  if (!organization || !flag || flag.tone === 'quiet') return null;
  return (
    <Alert color={flag.tone === 'danger' ? 'red' : 'orange'} title={organization.name} py="xs">
      {flag.text}
    </Alert>
  );
}
