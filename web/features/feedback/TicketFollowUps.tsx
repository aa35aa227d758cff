import { Anchor, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTicketFollowUps } from './feedback-loop.queries';

const stateWords = { open: 'open', contacted: 'customer contacted', resolved: 'resolved' } as const;

/** The follow-ups a ticket is part of: opened by its negative answer, or the ticket that contacted the customer. */
export function TicketFollowUpsSection({ ticketId }: { ticketId: number }) {
  const followUps = useTicketFollowUps(ticketId);
  const rows = followUps.data ?? [];
  if (rows.length === 0) return null;
  return (
    <Stack gap={4} component="section" aria-label="Follow-ups">
      <Title order={2} fz="sm" tt="uppercase" c="dimmed">
        Follow-up
      </Title>
      {rows.map((f) => (
        <Text key={f.id} fz="sm">
          {f.role === 'contact' ? 'Opened to contact the customer about ' : 'A negative answer here opened '}
          <Anchor component={Link} to={`/follow-ups?view=all&followUp=${f.id}`} fz="sm">
            follow-up #{f.id}
          </Anchor>{' '}
          ({stateWords[f.state]})
        </Text>
      ))}
    </Stack>
  );
}
