import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Text,
  Textarea,
  ThemeIcon,
  Timeline,
} from '@mantine/core';
import { IconMoodSmile, IconNote, IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TimelineItem } from '../../../contracts/customers';
import { notifyError } from '../../app/notify';
import { channelLabels, isTicketPriority, isTicketStatus, type TicketChannel } from '../../app/ticketLabels';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { SectionCard } from '../../components/SectionCard';
import { PriorityBadge, TicketStatusBadge } from '../../components/TicketBadges';
import { SentimentBadge } from '../feedback/SentimentBadge';
import { useAddCustomerNote, useCustomerTimeline } from './customers.queries';

function channelLabel(channel: string): string {
  return channel in channelLabels ? channelLabels[channel as TicketChannel] : channel;
}

function itemKey(item: TimelineItem): string {
  if (item.kind === 'survey_answer') return `a${item.answer.id}`;
  return item.kind === 'ticket' ? `t${item.ticket.id}` : `n${item.note.id}`;
}

/** Every ticket and note about a customer, newest first, with a box to add a note. */
export function CustomerTimeline({ customerId }: { customerId: number }) {
  const timeline = useCustomerTimeline(customerId);
  return (
    <SectionCard title="Timeline" description="Tickets, notes and survey answers, newest first.">
      <AddNoteForm customerId={customerId} />
      {timeline.isPending ? (
        <LoadingState variant="block" label="Loading the timeline" />
      ) : timeline.isError ? (
        <ErrorState
          error={timeline.error}
          title="The timeline could not be loaded"
          onRetry={() => void timeline.refetch()}
        />
      ) : timeline.data.length === 0 ? (
        <EmptyState
          size="sm"
          title="Nothing here yet"
          description="Tickets from this customer and notes about them appear here."
        />
      ) : (
        <Timeline bulletSize={26} lineWidth={2} role="list" aria-label="Timeline">
          {timeline.data.map((item) => (
            <Timeline.Item
              role="listitem"
              key={itemKey(item)}
              bullet={
                <ThemeIcon
                  size={26}
                  radius="xl"
                  variant="light"
                  color={item.kind === 'note' ? 'yellow' : item.kind === 'survey_answer' ? 'teal' : 'indigo'}
                >
                  {item.kind === 'note' ? (
                    <IconNote size={14} />
                  ) : item.kind === 'survey_answer' ? (
                    <IconMoodSmile size={14} />
                  ) : (
                    <IconTicket size={14} />
                  )}
                </ThemeIcon>
              }
            >
              {item.kind === 'ticket' ? (
                <Stack gap={4}>
                  <Anchor component={Link} to={`/inbox/all/tickets/${item.ticket.id}`} fz="sm" fw={500}>
                    #{item.ticket.id} {item.ticket.subject}
                  </Anchor>
                  <Group gap={6}>
                    {isTicketStatus(item.ticket.status) && (
                      <TicketStatusBadge status={item.ticket.status} size="xs" />
                    )}
                    {isTicketPriority(item.ticket.priority) && (
                      <PriorityBadge priority={item.ticket.priority} size="xs" />
                    )}
                    <Text fz="xs" c="dimmed">
                      via {channelLabel(item.ticket.channel)} ·{' '}
                      <RelativeTime value={item.at} fz="xs" c="dimmed" />
                    </Text>
                  </Group>
                </Stack>
              ) : item.kind === 'survey_answer' ? (
                <Stack gap={4}>
                  <Group gap={6}>
                    <Badge size="sm" variant="light" color={item.answer.positive ? 'green' : 'red'}>
                      Rated {item.answer.ratingLabel}
                    </Badge>
                    <SentimentBadge sentiment={item.answer.sentiment} />
                  </Group>
                  {item.answer.comment && (
                    <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      “{item.answer.comment}”
                    </Text>
                  )}
                  <Text fz="xs" c="dimmed">
                    Survey answer about{' '}
                    <Anchor component={Link} to={`/inbox/all/tickets/${item.answer.ticketId}`} fz="xs">
                      #{item.answer.ticketId} {item.answer.ticketSubject}
                    </Anchor>{' '}
                    · <RelativeTime value={item.at} fz="xs" c="dimmed" />
                  </Text>
                </Stack>
              ) : (
                <Paper p="sm" radius="md" style={{ background: 'var(--steward-note-bg)' }}>
                  <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {item.note.body}
                  </Text>
                  <Text fz="xs" c="dimmed" mt={4}>
                    {item.note.author?.name ?? 'Someone'} ·{' '}
                    <RelativeTime value={item.at} fz="xs" c="dimmed" />
                  </Text>
                </Paper>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </SectionCard>
  );
}

function AddNoteForm({ customerId }: { customerId: number }) {
  const [body, setBody] = useState('');
  const add = useAddCustomerNote(customerId);
  const submit = () => {
    if (!body.trim()) return;
    add.mutate(body.trim(), {
      onSuccess: () => setBody(''),
      onError: (error) => notifyError(error, 'The note was not added'),
    });
  };
  return (
    <Stack gap="xs">
      <Textarea
        label="Add a note"
        description="Only staff see notes about customers"
        placeholder="e.g. Prefers phone calls in the morning"
        autosize
        minRows={2}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
        }}
      />
      <Group justify="flex-end">
        <Button size="xs" onClick={submit} loading={add.isPending} disabled={!body.trim()}>
          Add note
        </Button>
      </Group>
    </Stack>
  );
}
