import { Anchor, Badge, Button, Group, Menu, Select, Stack, Table, Text } from '@mantine/core';
import { IconChevronDown, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  type Referral,
  type ReferralState,
  referralMoves,
  referralStateLabels,
  referralStates,
} from '../../../contracts/referrals';
import { formatDateTime } from '../../app/format';
import { notifyError } from '../../app/notify';
import { useViewerTimeZone } from '../../app/session';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { TableFrame } from '../../components/TableFrame';
import { RecordReferralModal, sourceLabels } from './RecordReferralModal';
import { useReferrals, useSetReferralState } from './referrals.queries';

const stateColors: Record<ReferralState, string> = {
  pending: 'blue',
  qualified: 'yellow',
  rewarded: 'green',
  declined: 'gray',
};

/** The reward state as a badge, and for managers a menu of the moves it allows. */
function RewardState({ referral, canReward }: { referral: Referral; canReward: boolean }) {
  const move = useSetReferralState();
  const badge = (
    <Badge color={stateColors[referral.state]} variant="light">
      {referralStateLabels[referral.state]}
    </Badge>
  );
  const moves = referralMoves[referral.state];
  if (!canReward || moves.length === 0) return badge;
  return (
    <Menu position="bottom-start">
      <Menu.Target>
        <Button
          size="compact-sm"
          variant="subtle"
          rightSection={<IconChevronDown size={14} />}
          loading={move.isPending}
          aria-label={`Reward state: ${referralStateLabels[referral.state]}. Change`}
        >
          {badge}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {moves.map((to) => (
          <Menu.Item
            key={to}
            onClick={() =>
              move.mutate(
                { id: referral.id, body: { state: to } },
                { onError: (error) => notifyError(error, 'The reward state was not changed') },
              )
            }
          >
            Mark {referralStateLabels[to].toLowerCase()}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

const lastChange = (r: Referral) => r.history.at(-1);

/** Referrals: who referred whom, the first ticket or order, and the reward state; filters by state and referrer. */
export function ReferralsPanel({
  canReward,
  customerId,
}: {
  canReward: boolean;
  /** On a customer's page: the referrals they made or came by. */
  customerId?: number;
}) {
  const zone = useViewerTimeZone();
  const [state, setState] = useState<ReferralState | null>(null);
  const [recording, setRecording] = useState(false);
  const list = useReferrals({ ...(state ? { state } : {}), ...(customerId ? { customerId } : {}) });
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Select
          label="Reward state"
          placeholder="Any state"
          data={referralStates.map((s) => ({ value: s, label: referralStateLabels[s] }))}
          value={state}
          onChange={(v) => setState(v as ReferralState | null)}
          clearable
          w={180}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>
          Record referral
        </Button>
      </Group>
      {list.isPending ? (
        <LoadingState label="Loading the referrals" />
      ) : list.isError ? (
        <ErrorState
          error={list.error}
          title="The referrals could not be loaded"
          onRetry={() => void list.refetch()}
          retrying={list.isRefetching}
        />
      ) : list.data.length === 0 ? (
        <EmptyState
          icon={<IconUsersGroup size={28} stroke={1.5} />}
          title={state ? 'No referrals match' : 'No referrals yet'}
          description="Record one when a customer tells you who sent them."
        />
      ) : (
        <TableFrame minWidth={860}>
          <Table verticalSpacing="sm" aria-label="Referrals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Referred by</Table.Th>
                <Table.Th>Referred</Table.Th>
                <Table.Th>First ticket or order</Table.Th>
                <Table.Th>Reward</Table.Th>
                <Table.Th>Last change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((r) => {
                const change = lastChange(r);
                return (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/${r.referrer.id}`} fz="sm">
                        {r.referrer.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/customers/${r.referred.id}`} fz="sm">
                        {r.referred.name}
                      </Anchor>
                      <Text fz="xs" c="dimmed">
                        {sourceLabels[r.source]} · {formatDateTime(r.createdAt, zone)}
                      </Text>
                      {r.note && (
                        <Text fz="xs" style={{ overflowWrap: 'anywhere' }}>
                          {r.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.ticket ? (
                        <Anchor component={Link} to={`/inbox/all/tickets/${r.ticket.id}`} fz="sm">
                          #{r.ticket.id} {r.ticket.subject}
                        </Anchor>
                      ) : (
                        <Text fz="sm" c={r.orderRef ? undefined : 'dimmed'}>
                          {r.orderRef ? `Order ${r.orderRef}` : 'None yet'}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <RewardState referral={r} canReward={canReward} />
                    </Table.Td>
                    <Table.Td>
                      <Text fz="xs">
                        {change
                          ? `${change.actor?.name ?? 'Steward'}, ${formatDateTime(change.at, zone)}`
                          : '—'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </TableFrame>
      )}
      <RecordReferralModal opened={recording} onClose={() => setRecording(false)} />
    </Stack>
  );
}
