import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconRefresh, IconTrash } from '@tabler/icons-react';
import type { JobFailure } from '../../../contracts/jobs';
import { notifyError, notifySuccess } from '../../app/notify';
import { confirmAction } from '../../components/ConfirmButton';
import { RelativeTime } from '../../components/RelativeTime';
import { TableFrame } from '../../components/TableFrame';
import { useDiscardJobFailure, useRetryJobFailure } from './jobs.queries';

/** What each job does, in the words of the people who run Steward. */
export const jobNames: Record<string, string> = {
  'mail-notifications': 'Notification mail',
  mail: 'Outgoing mail',
  imap: 'IMAP polling',
  'auto-close': 'Closing solved tickets',
};

/** Items background jobs could not process, with a retry and a discard for each. */
export function JobFailuresTable({ items }: { items: JobFailure[] }) {
  return (
    <TableFrame minWidth={820}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Failed background work">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Job</Table.Th>
            <Table.Th>Item</Table.Th>
            <Table.Th>Last error</Table.Th>
            <Table.Th>Next attempt</Table.Th>
            <Table.Th w={200}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <JobFailureRow key={item.id} item={item} />
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}

function JobFailureRow({ item }: { item: JobFailure }) {
  const retry = useRetryJobFailure();
  const discard = useDiscardJobFailure();
  const job = jobNames[item.job] ?? item.job;
  const doRetry = () =>
    retry.mutate(item.id, {
      onSuccess: () => notifySuccess(`${item.label} will be tried again in a moment.`, 'Retrying'),
      onError: (error) => notifyError(error),
    });
  const askDiscard = () =>
    confirmAction({
      title: 'Discard this item?',
      message: `${job} will not try “${item.label}” again.`,
      confirmLabel: 'Discard',
      danger: true,
      onConfirm: () =>
        discard.mutate(item.id, {
          onSuccess: () => notifySuccess(`${item.label} is discarded.`, 'Discarded'),
          onError: (error) => notifyError(error),
        }),
    });

  return (
    <Table.Tr>
      <Table.Td>
        <Text fz="sm">{job}</Text>
        <Badge size="xs" variant="light" color="gray" tt="none" mt={4}>
          {item.attempts} {item.attempts === 1 ? 'attempt' : 'attempts'}
        </Badge>
      </Table.Td>
      <Table.Td maw={280}>
        <Text fz="sm" fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {item.label}
        </Text>
        <Text fz="xs" c="dimmed">
          Failing since <RelativeTime value={item.firstFailedAt} />
        </Text>
      </Table.Td>
      <Table.Td maw={340}>
        <Text fz="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
          {item.lastError}
        </Text>
      </Table.Td>
      <Table.Td>
        {item.nextAttemptAt ? (
          <RelativeTime value={item.nextAttemptAt} />
        ) : (
          <Text fz="sm" c="var(--steward-danger-text)">
            Stopped
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconRefresh size={14} />}
            onClick={doRetry}
            loading={retry.isPending}
            aria-label={`Retry ${item.label}`}
          >
            Retry
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={askDiscard}
            loading={discard.isPending}
            aria-label={`Discard ${item.label}`}
          >
            Discard
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
