import { ActionIcon, Anchor, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { canRemoveTimeEntry, formatMinutes, type TimeEntry } from '../../../contracts/time-entries';
import { notifyError } from '../../app/notify';
import { useMe } from '../../app/session';
import { confirmAction } from '../../components/ConfirmButton';
import { RelativeTime } from '../../components/RelativeTime';
import { useRemoveTimeEntry, useTimeEntries } from './timeEntries.queries';

/** "25 min by Lena Fischer": an entry as the list and its remove button name it. */
const entryWords = (entry: TimeEntry) =>
  `${formatMinutes(entry.minutes)} by ${entry.user?.name ?? 'a former colleague'}`;

/** The time staff logged on the ticket in its properties: the total, then each entry, newest first. */
export function TimeLogSection({ ticketId }: { ticketId: number }) {
  const me = useMe();
  const entries = useTimeEntries(ticketId);
  const remove = useRemoveTimeEntry(ticketId);

  const askToRemove = (entry: TimeEntry) =>
    confirmAction({
      title: 'Remove logged time?',
      message: `${entryWords(entry)} comes off this ticket and out of the handle-time reports.`,
      confirmLabel: 'Remove',
      danger: true,
      onConfirm: () =>
        remove.mutate(entry.id, { onError: (error) => notifyError(error, 'The time was not removed') }),
    });

  return (
    <Stack gap="xs" component="section" aria-label="Time logged">
      <Group justify="space-between" gap="xs">
        <Title order={2} fz="sm" tt="uppercase" c="dimmed">
          Time logged
        </Title>
        {entries.data && entries.data.data.length > 0 && (
          <Text fz="sm" fw={600}>
            {`Total ${formatMinutes(entries.data.totalMinutes)}`}
          </Text>
        )}
      </Group>
      {entries.isPending ? (
        <Text fz="sm" c="dimmed">
          Loading the time…
        </Text>
      ) : entries.isError ? (
        <Text fz="sm" c="var(--steward-danger-text)" role="alert">
          The time could not be loaded.{' '}
          <Anchor component="button" type="button" fz="sm" onClick={() => void entries.refetch()}>
            Try again
          </Anchor>
        </Text>
      ) : entries.data.data.length === 0 ? (
        <Text fz="sm" c="dimmed">
          No time logged yet. “Log time…” in the ticket’s actions adds some.
        </Text>
      ) : (
        <Stack
          gap={6}
          component="ul"
          aria-label="Time entries"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
        >
          {entries.data.data.map((entry) => (
            <Group key={entry.id} component="li" gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text fz="sm">
                  <Text span fw={600} fz="sm">
                    {formatMinutes(entry.minutes)}
                  </Text>{' '}
                  by {entry.user?.name ?? 'a former colleague'}
                </Text>
                {entry.note && (
                  <Text fz="xs" style={{ overflowWrap: 'anywhere' }}>
                    {entry.note}
                  </Text>
                )}
                <RelativeTime value={entry.createdAt} fz="xs" c="dimmed" />
              </Stack>
              {canRemoveTimeEntry({ role: me.role, userId: me.id }, { userId: entry.user?.id ?? null }) && (
                <Tooltip label="Remove">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    aria-label={`Remove ${entryWords(entry)}`}
                    onClick={() => askToRemove(entry)}
                    loading={remove.isPending && remove.variables === entry.id}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
