import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Ticket } from '../../../contracts/tickets';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { TagList } from '../../components/TagList';
import { TicketStatusBadge } from '../../components/TicketBadges';
import { UserAvatar } from '../../components/UserAvatar';
import { useCustomer } from '../customers/customers.queries';
import { useTicketPreview } from '../tickets/tickets.queries';
import { ticketPath } from './inbox.url';

/** Who asked, and what else they asked before. */
export function CustomerPanel({ ticket, viewId }: { ticket: Ticket; viewId: string }) {
  const customer = useCustomer(ticket.requester.id);
  const others = useTicketPreview({
    viewId: null,
    filters: { requesterId: ticket.requester.id },
    q: '',
    limit: 8,
  });
  const otherTickets = (others.data?.data ?? []).filter((t) => t.id !== ticket.id);

  return (
    <Stack gap="sm" component="section" aria-label="Customer">
      <Title order={2} fz="sm" tt="uppercase" c="dimmed">
        Customer
      </Title>
      <Group gap="sm" wrap="nowrap">
        <UserAvatar name={ticket.requester.name} size="md" />
        <Stack gap={0} miw={0}>
          <Anchor component={Link} to={`/customers/${ticket.requester.id}`} fz="sm" fw={600} truncate="end">
            {ticket.requester.name}
          </Anchor>
          {ticket.requester.email && (
            <Text fz="xs" c="dimmed" truncate="end">
              {ticket.requester.email}
            </Text>
          )}
        </Stack>
      </Group>
      {ticket.organization && (
        <Text fz="xs">
          <Text span c="dimmed" fz="xs">
            Organisation:{' '}
          </Text>
          <Anchor component={Link} to={`/organizations/${ticket.organization.id}`} fz="xs">
            {ticket.organization.name}
          </Anchor>
        </Text>
      )}
      {customer.data?.phone && (
        <Text fz="xs">
          <Text span c="dimmed" fz="xs">
            Phone:{' '}
          </Text>
          {customer.data.phone}
        </Text>
      )}
      {customer.data && <TagList tags={customer.data.tags} size="xs" />}
      <Text fz="xs" fw={600} mt="xs">
        Other tickets
      </Text>
      {others.isPending ? (
        <LoadingState variant="block" label="Loading other tickets" />
      ) : others.isError ? (
        <ErrorState error={others.error} onRetry={() => void others.refetch()} title="Not loaded" />
      ) : otherTickets.length === 0 ? (
        <Text fz="xs" c="dimmed">
          This is their only ticket.
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {otherTickets.map((other) => (
            <li key={other.id}>
              <Group gap={6} wrap="nowrap" justify="space-between">
                <Anchor component={Link} to={ticketPath(viewId, other.id)} fz="xs" truncate="end" miw={0}>
                  #{other.id} {other.subject}
                </Anchor>
                <TicketStatusBadge status={other.status} size="xs" />
              </Group>
              <RelativeTime value={other.updatedAt} fz="xs" c="dimmed" />
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
