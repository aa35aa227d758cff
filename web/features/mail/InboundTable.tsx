import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { IconDownload, IconMailCheck, IconRefresh, IconTrash } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { InboundMail } from '../../../contracts/mail';
import { notifyError, notifySuccess } from '../../app/notify';
import { confirmAction } from '../../components/ConfirmButton';
import { RelativeTime } from '../../components/RelativeTime';
import { TableFrame } from '../../components/TableFrame';
import { useDeleteInbound, useRetryInbound } from './mail.queries';

const removable = new Set<InboundMail['status']>(['failed', 'spam', 'ignored']);

/** Received messages with what can be done about each. */
export function InboundTable({ mail }: { mail: InboundMail[] }) {
  return (
    <TableFrame minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Received mail">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>From</Table.Th>
            <Table.Th>Subject</Table.Th>
            <Table.Th>What happened</Table.Th>
            <Table.Th>Received</Table.Th>
            <Table.Th w={220}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mail.map((item) => (
            <InboundRow key={item.id} item={item} />
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}

function InboundRow({ item }: { item: InboundMail }) {
  const retry = useRetryInbound();
  const remove = useDeleteInbound();
  const subject = item.subject || '(no subject)';
  const released = item.status === 'spam' || item.status === 'ignored';
  const releaseLabel = item.status === 'spam' ? 'Not spam' : 'Process anyway';

  const doRetry = () =>
    retry.mutate(item.id, {
      onSuccess: () =>
        notifySuccess(
          released
            ? `“${subject}” is released and will be processed in a moment.`
            : `“${subject}” will be processed again in a moment.`,
          released ? releaseLabel : 'Retrying',
        ),
      onError: (error) => notifyError(error),
    });
  const askDelete = () =>
    confirmAction({
      title: 'Delete this mail?',
      message: `“${subject}” from ${item.sender ?? 'an unknown sender'} is deleted for good, with its original.`,
      confirmLabel: 'Delete mail',
      danger: true,
      onConfirm: () =>
        remove.mutate(item.id, {
          onSuccess: () => notifySuccess(`“${subject}” is deleted.`, 'Mail deleted'),
          onError: (error) => notifyError(error),
        }),
    });

  return (
    <Table.Tr>
      <Table.Td maw={240}>
        <Text fz="sm" truncate="end" c={item.sender ? undefined : 'dimmed'}>
          {item.sender ?? item.envelopeFrom ?? 'Unknown sender'}
        </Text>
        {item.mailbox && (
          <Text fz="xs" c="dimmed" truncate="end">
            To {item.mailbox.name}
          </Text>
        )}
      </Table.Td>
      <Table.Td maw={300}>
        <Text fz="sm" fw={500} lineClamp={2} c={item.subject ? undefined : 'dimmed'}>
          {subject}
        </Text>
      </Table.Td>
      <Table.Td maw={320}>
        {item.status === 'processed' && item.ticketId !== null ? (
          <>
            <Anchor component={Link} to={`/inbox/all/tickets/${item.ticketId}`} fz="sm">
              Ticket #{item.ticketId}
            </Anchor>
            {item.reason && (
              <Text fz="xs" c="dimmed" lineClamp={2}>
                {item.reason}
              </Text>
            )}
          </>
        ) : (
          <Text fz="sm" lineClamp={3} c={item.reason ? undefined : 'dimmed'}>
            {item.reason ?? (item.status === 'queued' ? 'Waiting to be read' : '—')}
          </Text>
        )}
        {item.attempts > 1 && (
          <Badge size="xs" variant="light" color="gray" tt="none" mt={4}>
            {item.attempts} attempts
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <RelativeTime value={item.receivedAt} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {item.status === 'failed' && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconRefresh size={14} />}
              onClick={doRetry}
              loading={retry.isPending}
            >
              Retry
            </Button>
          )}
          {released && (
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconMailCheck size={14} />}
              onClick={doRetry}
              loading={retry.isPending}
            >
              {releaseLabel}
            </Button>
          )}
          <Tooltip label="Download original (.eml)">
            <ActionIcon
              component="a"
              href={item.originalUrl}
              download
              variant="subtle"
              color="gray"
              aria-label={`Download the original of “${subject}”`}
            >
              <IconDownload size={18} />
            </ActionIcon>
          </Tooltip>
          {removable.has(item.status) && (
            <Tooltip label="Delete">
              <ActionIcon variant="subtle" color="red" aria-label={`Delete “${subject}”`} onClick={askDelete}>
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}
