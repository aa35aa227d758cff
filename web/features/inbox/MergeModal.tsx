import { Alert, Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Ticket } from '../../../contracts/tickets';
import { errorMessage } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { EmptyState } from '../../components/EmptyState';
import { LoadingState } from '../../components/LoadingState';
import { TicketStatusBadge } from '../../components/TicketBadges';
import { useMergeTickets, useSearch, useTicketPreview } from '../tickets/tickets.queries';

interface MergeModalProps {
  ticket: Ticket;
  opened: boolean;
  onClose: () => void;
}

export function MergeModal({ ticket, opened, onClose }: MergeModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={`Merge tickets into #${ticket.id}`} size="lg">
      {opened && <MergeForm ticket={ticket} onDone={onClose} />}
    </Modal>
  );
}

function MergeForm({ ticket, onDone }: { ticket: Ticket; onDone: () => void }) {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [picked, setPicked] = useState<Map<number, Ticket>>(() => new Map());
  const [error, setError] = useState<string | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const merge = useMergeTickets(ticket.id);
  const searching = debounced.trim().length >= 2;
  const search = useSearch(debounced, searching);
  // Without search words, the same requester's other open tickets are the likely duplicates.
  const sameRequester = useTicketPreview(
    { viewId: null, filters: { requesterId: ticket.requester.id }, q: '', limit: 20 },
    !searching,
  );
  const candidates = (
    searching ? (search.data?.tickets.map((r) => r.ticket) ?? []) : (sameRequester.data?.data ?? [])
  ).filter((t) => t.id !== ticket.id && t.status !== 'closed' && t.mergedIntoId === null);
  const loading = searching ? search.isPending : sameRequester.isPending;

  const toggle = (candidate: Ticket) =>
    setPicked((prev) => {
      const next = new Map(prev);
      if (next.has(candidate.id)) next.delete(candidate.id);
      else next.set(candidate.id, candidate);
      return next;
    });

  // Tickets of someone else: their replies and messages (never notes) become this requester's to read.
  const otherRequesters = [...picked.values()].filter((p) => p.requester.id !== ticket.requester.id);
  const needsAcknowledgement = otherRequesters.length > 0;

  const confirm = () => {
    setError(null);
    const body = {
      sourceIds: [...picked.keys()],
      acknowledgeRequesterChange: needsAcknowledgement && acknowledged,
    };
    merge.mutate(body, {
      onSuccess: () => {
        notifySuccess(
          `${picked.size === 1 ? 'One ticket was' : `${picked.size} tickets were`} merged into #${ticket.id} and closed.`,
          'Tickets merged',
        );
        onDone();
      },
      onError: (e) => setError(errorMessage(e)),
    });
  };

  return (
    <Stack gap="md">
      <Text fz="sm" c="dimmed">
        The conversations of the tickets you pick move into #{ticket.id} “{ticket.subject}”. They are closed
        with a link to this one.
      </Text>
      {error && (
        <Alert color="red" role="alert" title="Not merged">
          {error}
        </Alert>
      )}
      <TextInput
        label="Find tickets"
        placeholder="Search by words, subject or requester"
        leftSection={<IconSearch size={16} />}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        data-autofocus
      />
      <Text fz="xs" c="dimmed">
        {searching ? 'Search results' : `Other tickets from ${ticket.requester.name}`}
      </Text>
      <ScrollArea.Autosize mah={300}>
        {loading ? (
          <LoadingState variant="block" label="Finding tickets" />
        ) : candidates.length === 0 ? (
          <EmptyState
            size="sm"
            title="No tickets to merge"
            description={
              searching ? 'Nothing open matches those words.' : 'Search for the duplicate by its words.'
            }
          />
        ) : (
          <Stack gap={4}>
            {candidates.map((candidate) => (
              <Checkbox
                key={candidate.id}
                checked={picked.has(candidate.id)}
                onChange={() => toggle(candidate)}
                label={
                  <Group gap="xs" wrap="nowrap">
                    <Text fz="sm">
                      #{candidate.id} {candidate.subject}
                    </Text>
                    <TicketStatusBadge status={candidate.status} size="xs" />
                  </Group>
                }
                description={candidate.requester.name}
              />
            ))}
          </Stack>
        )}
      </ScrollArea.Autosize>
      {needsAcknowledgement && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title="Different requester" role="alert">
          <Stack gap="xs">
            <Text fz="sm">
              {otherRequesters.map((o) => `#${o.id} is from ${o.requester.name}`).join('; ')}. After the
              merge, {ticket.requester.name} can read those replies and messages in the portal. Internal notes
              and unsent files stay internal.
            </Text>
            <Checkbox
              checked={acknowledged}
              onChange={(event) => setAcknowledged(event.currentTarget.checked)}
              label={`Merge anyway and let ${ticket.requester.name} see them`}
            />
          </Stack>
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button
          onClick={confirm}
          disabled={picked.size === 0 || (needsAcknowledgement && !acknowledged)}
          loading={merge.isPending}
        >
          {picked.size <= 1 ? `Merge into #${ticket.id}` : `Merge ${picked.size} tickets into #${ticket.id}`}
        </Button>
      </Group>
    </Stack>
  );
}
