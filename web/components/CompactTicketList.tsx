import { Anchor, Box, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Ticket } from '../../contracts/tickets';
import { RelativeTime } from './RelativeTime';
import { PriorityBadge, TicketStatusBadge } from './TicketBadges';
import { TicketClock } from './TicketClock';

interface CompactTicketListProps {
  tickets: Ticket[];
  /** Where each ticket opens. */
  hrefOf: (ticket: Ticket) => string;
  label: string;
  withRequester?: boolean;
  withClock?: boolean;
  /** More about each ticket beside its clock, e.g. its service-level chip. */
  extra?: (ticket: Ticket) => ReactNode;
}

/** Tickets as short rows: subject, status and priority, and when it last moved. */
export function CompactTicketList({
  tickets,
  hrefOf,
  label,
  withRequester = true,
  withClock = false,
  extra,
}: CompactTicketListProps) {
  return (
    <Box component="ul" p={0} m={0} aria-label={label} style={{ listStyle: 'none' }}>
      {tickets.map((ticket, index) => (
        <Box
          component="li"
          key={ticket.id}
          py="sm"
          style={{
            borderBottom:
              index < tickets.length - 1 ? '1px solid var(--mantine-color-default-border)' : undefined,
          }}
        >
          <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
            <Stack gap={4} miw={0}>
              <Anchor component={Link} to={hrefOf(ticket)} fz="sm" fw={500} lineClamp={1}>
                <Text span c="dimmed" fz="sm">
                  #{ticket.id}
                </Text>{' '}
                {ticket.subject}
              </Anchor>
              <Group gap="sm">
                {withRequester && (
                  <Text fz="xs" c="dimmed">
                    {ticket.requester.name}
                  </Text>
                )}
                {extra?.(ticket)}
                {withClock && <TicketClock ticket={ticket} />}
              </Group>
            </Stack>
            <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
              <Group gap={4} wrap="nowrap">
                <TicketStatusBadge status={ticket.status} size="xs" />
                <PriorityBadge priority={ticket.priority} size="xs" />
              </Group>
              <RelativeTime value={ticket.updatedAt} fz="xs" c="dimmed" />
            </Stack>
          </Group>
        </Box>
      ))}
    </Box>
  );
}
