import { ActionIcon, Button, Divider, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import type { CopySuggestion, UpdateTicketCopiesBody } from '../../../contracts/mail';
import { notifyError } from '../../app/notify';
import { RelativeTime } from '../../components/RelativeTime';
import { useChangeCopies, useTicketCopies } from './copies.queries';

/** Which message a suggestion came from, as the agent finds it in the conversation. */
function SuggestedBy({ suggestion }: { suggestion: CopySuggestion }) {
  return (
    <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
      In copy on the mail from {suggestion.from},{' '}
      <RelativeTime value={suggestion.suggestedAt} fz="xs" c="dimmed" />
    </Text>
  );
}

/**
 * Who gets the ticket's mail in copy, and the addresses a mail put in copy that wait for an
 * agent: mail from someone the ticket does not trust never adds copies by itself.
 */
export function CopiesSection({ ticketId, disabled }: { ticketId: number; disabled: boolean }) {
  const copies = useTicketCopies(ticketId);
  const change = useChangeCopies(ticketId);
  const data = copies.data;
  if (!data || (data.copies.length === 0 && data.suggestions.length === 0)) return null;
  const act = (body: UpdateTicketCopiesBody) =>
    change.mutate(body, { onError: (error) => notifyError(error) });
  const busy = disabled || change.isPending;

  return (
    <Stack gap="xs" aria-label="Copies" component="section">
      <Divider label="Copies" labelPosition="left" />
      {data.copies.length === 0 ? (
        <Text fz="xs" c="dimmed">
          Mail goes to the requester only.
        </Text>
      ) : (
        <Stack gap={4} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {data.copies.map((address) => (
            <Group key={address} component="li" gap={4} wrap="nowrap" justify="space-between">
              <Text fz="xs" style={{ overflowWrap: 'anywhere' }}>
                {address}
              </Text>
              <Tooltip label="Stop sending copies">
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove ${address} from copies`}
                  disabled={busy}
                  onClick={() => act({ remove: [address] })}
                >
                  <IconX size={14} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
        </Stack>
      )}
      {data.suggestions.length > 0 && (
        <Stack gap={6} aria-label="Suggested copies" component="section">
          <Text fz="xs" fw={600}>
            Suggested by mail: not in copy until you add them
          </Text>
          {data.suggestions.map((suggestion) => (
            <Stack key={suggestion.address} gap={2}>
              <Text fz="xs" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {suggestion.address}
              </Text>
              <SuggestedBy suggestion={suggestion} />
              <Group gap={6}>
                <Button
                  size="compact-xs"
                  variant="light"
                  aria-label={`Add ${suggestion.address} to copies`}
                  disabled={busy}
                  onClick={() => act({ add: [suggestion.address] })}
                >
                  Add
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  aria-label={`Dismiss ${suggestion.address}`}
                  disabled={busy}
                  onClick={() => act({ dismiss: [suggestion.address] })}
                >
                  Dismiss
                </Button>
              </Group>
            </Stack>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
