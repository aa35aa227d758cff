import { Badge, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDeviceDesktop } from '@tabler/icons-react';
import { describeUserAgent } from '../../app/format';
import { notifyError, notifySuccess } from '../../app/notify';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { RelativeTime } from '../../components/RelativeTime';
import { SectionCard } from '../../components/SectionCard';
import { TableFrame } from '../../components/TableFrame';
import { useMySessions, useRevokeSession } from './profile.queries';

export function SessionsCard() {
  const sessions = useMySessions();
  const revoke = useRevokeSession();

  return (
    <SectionCard
      title="Where you're signed in"
      description="Sign out of a device you don't recognise or no longer use."
    >
      {sessions.isPending ? (
        <LoadingState rows={2} label="Loading your sessions" />
      ) : sessions.isError ? (
        <ErrorState
          error={sessions.error}
          title="Your sessions could not be loaded"
          onRetry={() => void sessions.refetch()}
          retrying={sessions.isRefetching}
        />
      ) : sessions.data.length === 0 ? (
        <EmptyState size="sm" title="No sessions" description="Sessions appear here when you sign in." />
      ) : (
        <TableFrame minWidth={760}>
          <Table verticalSpacing="sm" aria-label="Your sessions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Device</Table.Th>
                <Table.Th>IP address</Table.Th>
                <Table.Th>Signed in</Table.Th>
                <Table.Th>Last active</Table.Th>
                <Table.Th>Expires</Table.Th>
                <Table.Th w={110}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.data.map((session) => {
                const device = describeUserAgent(session.userAgent);
                return (
                  <Table.Tr key={session.id}>
                    <Table.Td>
                      <Group gap="sm" wrap="nowrap">
                        <IconDeviceDesktop size={18} stroke={1.5} aria-hidden />
                        <Stack gap={0}>
                          <Text fz="sm" title={session.userAgent ?? undefined}>
                            {device}
                          </Text>
                        </Stack>
                        {session.current && (
                          <Badge size="sm" variant="light" color="teal">
                            This device
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm" ff="monospace" c={session.ip ? undefined : 'dimmed'}>
                        {session.ip ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <RelativeTime value={session.createdAt} />
                    </Table.Td>
                    <Table.Td>
                      <RelativeTime value={session.lastSeenAt} />
                    </Table.Td>
                    <Table.Td>
                      <RelativeTime value={session.expiresAt} />
                    </Table.Td>
                    <Table.Td>
                      {!session.current && (
                        <ConfirmButton
                          size="xs"
                          variant="light"
                          color="red"
                          aria-label={`Sign out ${device}`}
                          loading={revoke.isPending && revoke.variables === session.id}
                          confirmTitle="Sign out this device?"
                          confirmMessage={`${device} will have to sign in again.`}
                          confirmLabel="Sign out"
                          danger
                          onConfirm={() =>
                            revoke.mutate(session.id, {
                              onSuccess: () => notifySuccess(`${device} is signed out.`, 'Session ended'),
                              onError: (error) => notifyError(error),
                            })
                          }
                        >
                          Sign out
                        </ConfirmButton>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
    </SectionCard>
  );
}
