import {
  Badge,
  Button,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { ApiToken } from '../../../contracts/tokens';
import { notifyError, notifySuccess } from '../../app/notify';
import { usePageTitle } from '../../app/title';
import { ConfirmButton } from '../../components/ConfirmButton';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { RelativeTime } from '../../components/RelativeTime';
import { RoleBadge } from '../../components/RoleBadge';
import { StatusBadge } from '../../components/StatusBadge';
import { TableFrame } from '../../components/TableFrame';
import { CreateTokenModal } from './CreateTokenModal';
import { type TokenStatusFilter, useRevokeToken, useTokensList } from './tokens.queries';

const statusOptions: { value: TokenStatusFilter; label: string }[] = [
  { value: 'active', label: 'Active' },
  { value: 'revoked', label: 'Revoked' },
  { value: 'all', label: 'All' },
];

function isStatus(value: string): value is TokenStatusFilter {
  return value === 'active' || value === 'revoked' || value === 'all';
}

export function TokensPage() {
  usePageTitle('API tokens');
  const [status, setStatus] = useState<TokenStatusFilter>('active');
  const [createOpened, createModal] = useDisclosure(false);
  const tokens = useTokensList(status);
  const rows = tokens.data?.pages.flatMap((p) => p.data) ?? [];

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
      New token
    </Button>
  );

  return (
    <>
      <PageHeader
        title="API tokens"
        description="Integrations call the REST API with a token instead of a password. Each token acts with the role you give it."
        actions={newButton}
      />
      <Stack gap="md">
        <SegmentedControl
          aria-label="Show tokens"
          data={statusOptions}
          value={status}
          onChange={(value) => isStatus(value) && setStatus(value)}
          w="fit-content"
        />
        <Paper withBorder radius="md">
          {tokens.isPending ? (
            <Stack p="md">
              <LoadingState label="Loading API tokens" rows={3} />
            </Stack>
          ) : tokens.isError ? (
            <ErrorState
              error={tokens.error}
              title="API tokens could not be loaded"
              onRetry={() => void tokens.refetch()}
              retrying={tokens.isRefetching}
            />
          ) : rows.length === 0 ? (
            status === 'revoked' ? (
              <EmptyState
                icon={<IconKey size={28} stroke={1.5} />}
                title="No revoked tokens"
                description="Tokens you revoke are listed here, so you can see what they were and when they were last used."
              />
            ) : (
              <EmptyState
                icon={<IconKey size={28} stroke={1.5} />}
                title="No API tokens yet"
                description="Create a token for each integration (CRM, reporting, scripts) so you can revoke one without touching the others."
                action={newButton}
              />
            )
          ) : (
            <>
              <TokensTable tokens={rows} />
              <LoadMore
                hasNextPage={tokens.hasNextPage}
                isFetchingNextPage={tokens.isFetchingNextPage}
                fetchNextPage={tokens.fetchNextPage}
                shown={rows.length}
                noun="tokens"
              />
            </>
          )}
        </Paper>
      </Stack>
      <CreateTokenModal opened={createOpened} onClose={createModal.close} />
    </>
  );
}

function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const revoke = useRevokeToken();
  return (
    <TableFrame minWidth={900}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label="API tokens">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Token</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th w={110}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td>
                <Text fw={500} fz="sm">
                  {token.name}
                </Text>
              </Table.Td>
              <Table.Td>
                <RoleBadge role={token.role} />
              </Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <RelativeTime value={token.createdAt} />
                  {token.createdBy && (
                    <Text fz="xs" c="dimmed">
                      by {token.createdBy.name}
                      {token.createdBy.active ? '' : ' (deactivated)'}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <RelativeTime value={token.lastUsedAt} fallback="Never used" />
              </Table.Td>
              <Table.Td>
                {token.revokedAt ? (
                  <Group gap={6} wrap="nowrap">
                    <StatusBadge active={false} inactiveLabel="Revoked" />
                    <RelativeTime value={token.revokedAt} c="dimmed" fz="xs" />
                  </Group>
                ) : token.suspended ? (
                  <Tooltip label="Its owner is deactivated. It works again if they are reactivated.">
                    <Badge color="orange" variant="dot" size="sm" tabIndex={0}>
                      Suspended
                    </Badge>
                  </Tooltip>
                ) : (
                  <StatusBadge active inactiveLabel="Revoked" />
                )}
              </Table.Td>
              <Table.Td>
                {!token.revokedAt && (
                  <ConfirmButton
                    size="xs"
                    variant="light"
                    color="red"
                    aria-label={`Revoke ${token.name}`}
                    loading={revoke.isPending && revoke.variables === token.id}
                    confirmTitle={`Revoke ${token.name}?`}
                    confirmMessage="Anything that uses this token stops working at once. This can't be undone."
                    confirmLabel="Revoke token"
                    danger
                    onConfirm={() =>
                      revoke.mutate(token.id, {
                        onSuccess: () => notifySuccess(`${token.name} no longer works.`, 'Token revoked'),
                        onError: (error) => notifyError(error),
                      })
                    }
                  >
                    Revoke
                  </ConfirmButton>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
