import { Badge, Button, Group, Paper, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconInbox, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Mailbox } from '../../../contracts/mail';
import { notifyError, notifySuccess } from '../../app/notify';
import { confirmAction } from '../../components/ConfirmButton';
import { EditDeleteActions } from '../../components/EditDeleteActions';
import { EmptyState } from '../../components/EmptyState';
import { QueryList } from '../../components/QueryList';
import { RelativeTime } from '../../components/RelativeTime';
import { TableFrame } from '../../components/TableFrame';
import { MailboxDrawer } from './MailboxDrawer';
import { useDeleteMailbox, useMailboxes } from './mail.queries';

/** The addresses Steward receives mail on, and how each sends and routes. */
export function MailboxesTab() {
  const mailboxes = useMailboxes();
  const remove = useDeleteMailbox();
  const rows = mailboxes.data ?? [];
  const [editing, setEditing] = useState<Mailbox | null>(null);
  const [opened, setOpened] = useState(false);

  const open = (mailbox: Mailbox | null) => {
    setEditing(mailbox);
    setOpened(true);
  };
  const askDelete = (mailbox: Mailbox) =>
    confirmAction({
      title: `Delete ${mailbox.address}?`,
      message:
        'Mail to this address is no longer turned into tickets, and replies on its tickets are sent from the default mailbox. Tickets and their messages stay.',
      confirmLabel: 'Delete mailbox',
      danger: true,
      onConfirm: () =>
        remove.mutate(mailbox.id, {
          onSuccess: () => notifySuccess(`${mailbox.address} is deleted.`, 'Mailbox deleted'),
          onError: (error) => notifyError(error),
        }),
    });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed" fz="sm" maw={640}>
          Mail sent to these addresses becomes tickets; replies go out from the address the customer wrote to.
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)}>
          New mailbox
        </Button>
      </Group>
      <Paper withBorder radius="md">
        <QueryList
          query={mailboxes}
          loadingLabel="Loading mailboxes"
          errorTitle="Mailboxes could not be loaded"
          isEmpty={rows.length === 0}
          empty={
            <EmptyState
              icon={<IconInbox size={28} stroke={1.5} />}
              title="No mailboxes yet"
              description="Add the address your customers write to, such as support@your-company.com. Mail to it then becomes tickets."
              action={
                <Button leftSection={<IconPlus size={16} />} onClick={() => open(null)}>
                  New mailbox
                </Button>
              }
            />
          }
        >
          <MailboxesTable mailboxes={rows} onEdit={open} onDelete={askDelete} />
        </QueryList>
      </Paper>
      <MailboxDrawer
        opened={opened}
        mailbox={editing}
        isFirst={rows.length === 0}
        onClose={() => setOpened(false)}
      />
    </Stack>
  );
}

interface TableProps {
  mailboxes: Mailbox[];
  onEdit: (mailbox: Mailbox) => void;
  onDelete: (mailbox: Mailbox) => void;
}

function MailboxesTable({ mailboxes, onEdit, onDelete }: TableProps) {
  return (
    <TableFrame minWidth={820}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="Mailboxes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Mailbox</Table.Th>
            <Table.Th>Receives</Table.Th>
            <Table.Th>New tickets go to</Table.Th>
            <Table.Th>Acknowledgment</Table.Th>
            <Table.Th w={100}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mailboxes.map((mailbox) => (
            <Table.Tr key={mailbox.id}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Stack gap={0} miw={0}>
                    <Text fz="sm" fw={500} truncate="end">
                      {mailbox.displayName}
                    </Text>
                    <Text fz="xs" c="dimmed" truncate="end">
                      {mailbox.address}
                    </Text>
                  </Stack>
                  {mailbox.isDefault && (
                    <Badge size="xs" variant="light" tt="none">
                      Default
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <Receives mailbox={mailbox} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={mailbox.defaultTeam || mailbox.defaultCategory ? undefined : 'dimmed'}>
                  {[mailbox.defaultTeam?.name, mailbox.defaultCategory?.name].filter(Boolean).join(' · ') ||
                    'No team or category'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={mailbox.autoAck ? undefined : 'dimmed'}>
                  {mailbox.autoAck ? (mailbox.ackSubject ? 'On, own text' : 'On') : 'Off'}
                </Text>
              </Table.Td>
              <Table.Td>
                <EditDeleteActions
                  noun="mailbox"
                  name={mailbox.address}
                  onEdit={() => onEdit(mailbox)}
                  onDelete={() => onDelete(mailbox)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}

function Receives({ mailbox }: { mailbox: Mailbox }) {
  const imap = mailbox.imap;
  if (mailbox.inboundMethod !== 'imap' || !imap) {
    return <Text fz="sm">Forwarded to Steward</Text>;
  }
  return (
    <Stack gap={0}>
      <Text fz="sm">IMAP · {imap.host}</Text>
      {imap.lastError ? (
        <Tooltip label={imap.lastError} multiline maw={360}>
          <Group gap={4} wrap="nowrap" c="var(--steward-danger-text)">
            <IconAlertTriangle size={14} aria-hidden />
            <Text fz="xs" c="inherit" truncate="end" maw={260}>
              Last check failed: {imap.lastError}
            </Text>
          </Group>
        </Tooltip>
      ) : (
        <Text fz="xs" c="dimmed">
          {imap.lastPolledAt ? (
            <>
              Checked <RelativeTime value={imap.lastPolledAt} fz="xs" c="dimmed" />
            </>
          ) : (
            'Not checked yet'
          )}
        </Text>
      )}
    </Stack>
  );
}
