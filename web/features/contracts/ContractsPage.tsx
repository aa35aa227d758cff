import { Anchor, Button, Paper, Stack, Table, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Contract } from '../../../contracts/service-contracts';
import { can } from '../../app/access';
import { useMe } from '../../app/session';
import { EditDeleteActions } from '../../components/EditDeleteActions';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { QueryList } from '../../components/QueryList';
import { TableFrame } from '../../components/TableFrame';
import { ContractFormModal, useAskDeleteContract } from './ContractFormModal';
import { ContractStatusBadges, UsageMeter } from './ContractParts';
import { type ContractFilter, isContractFilter, useContracts } from './contracts.queries';
import { periodText } from './contractText';

const tabs: { value: ContractFilter; label: string; empty: { title: string; description: string } }[] = [
  {
    value: 'all',
    label: 'All',
    empty: { title: 'No contracts', description: '' },
  },
  {
    value: 'review',
    label: 'Due for review',
    empty: {
      title: 'No renewal reviews due',
      description:
        'A contract comes here when its review date arrives (by default 30 days before it ends), and its owner and the managers get a reminder.',
    },
  },
  {
    value: 'active',
    label: 'Active',
    empty: { title: 'No running contracts', description: 'No contract runs today.' },
  },
  {
    value: 'expired',
    label: 'Expired',
    empty: { title: 'No expired contracts', description: 'No contract has ended yet.' },
  },
  {
    value: 'upcoming',
    label: 'Upcoming',
    empty: { title: 'No upcoming contracts', description: 'No contract starts later than today.' },
  },
];

/** Customers → Contracts: every organisation's support plan, what it includes and when it is up for renewal. */
export function ContractsPage() {
  const me = useMe();
  const canManage = can(me.role, 'contracts.manage');
  const [params, setParams] = useSearchParams();
  const requested = params.get('show');
  // Managers come here to renew: the reviews due first. Agents look a contract up.
  const filter: ContractFilter = isContractFilter(requested) ? requested : canManage ? 'review' : 'all';
  const contracts = useContracts(filter);
  const rows = contracts.data ?? [];
  const [editing, setEditing] = useState<Contract | null | undefined>(undefined);
  const askDelete = useAskDeleteContract();
  const current = tabs.find((t) => t.value === filter) ?? tabs[0]!;

  const addButton = canManage && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing(null)}>
      New contract
    </Button>
  );
  const empty =
    filter === 'all' ? (
      <EmptyState
        icon={<IconFileCertificate size={28} stroke={1.5} />}
        title="No contracts yet"
        description="A contract records an organisation's support plan: the service level its tickets get, how many tickets or support hours a month it includes, and when it is up for renewal. Tickets then show when it has expired or is used up."
        action={addButton}
      />
    ) : (
      <EmptyState
        icon={<IconFileCertificate size={28} stroke={1.5} />}
        title={current.empty.title}
        description={current.empty.description}
        action={
          <Button variant="default" onClick={() => setParams({ show: 'all' }, { replace: true })}>
            Show all contracts
          </Button>
        }
      />
    );

  return (
    <>
      <PageHeader
        title="Contracts"
        description="Support plans per organisation: what each includes a month, how much of it is used, and when each is up for renewal."
        actions={addButton}
      />
      <Stack gap="md">
        <Tabs
          value={filter}
          onChange={(value) => isContractFilter(value) && setParams({ show: value }, { replace: true })}
        >
          <Tabs.List aria-label="Show contracts">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Paper withBorder radius="md">
          <QueryList
            query={contracts}
            loadingLabel="Loading contracts"
            errorTitle="Contracts could not be loaded"
            isEmpty={rows.length === 0}
            empty={empty}
          >
            <ContractsTable
              contracts={rows}
              label={`Contracts: ${current.label.toLowerCase()}`}
              onEdit={canManage ? setEditing : null}
              onDelete={canManage ? askDelete : null}
            />
          </QueryList>
        </Paper>
      </Stack>
      {canManage && (
        <ContractFormModal
          contract={editing ?? null}
          opened={editing !== undefined}
          onClose={() => setEditing(undefined)}
        />
      )}
    </>
  );
}

function ContractsTable({
  contracts,
  label,
  onEdit,
  onDelete,
}: {
  contracts: Contract[];
  label: string;
  onEdit: ((contract: Contract) => void) | null;
  onDelete: ((contract: Contract) => void) | null;
}) {
  return (
    <TableFrame minWidth={980}>
      <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Organisation</Table.Th>
            <Table.Th>Plan</Table.Th>
            <Table.Th>Runs</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>This month</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Review on</Table.Th>
            {onEdit && (
              <Table.Th w={90}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contracts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td maw={240}>
                <Anchor component={Link} to={`/organizations/${c.organization.id}`} fz="sm" fw={500}>
                  {c.organization.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{c.plan}</Text>
                <Text fz="xs" c="dimmed">
                  {c.slaPolicy ? `Service level: ${c.slaPolicy.name}` : 'Service level: by conditions'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {periodText(c)}
                </Text>
              </Table.Td>
              <Table.Td miw={116}>
                <ContractStatusBadges contract={c} />
              </Table.Td>
              <Table.Td>
                <UsageMeter contract={c} width={160} />
              </Table.Td>
              <Table.Td>
                <Text fz="sm" c={c.owner ? undefined : 'dimmed'}>
                  {c.owner?.name ?? 'Nobody'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                  {c.reviewOn}
                </Text>
              </Table.Td>
              {onEdit && onDelete && (
                <Table.Td>
                  <EditDeleteActions
                    noun="contract"
                    name={`${c.organization.name} · ${c.plan}`}
                    onEdit={() => onEdit(c)}
                    onDelete={() => onDelete(c)}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableFrame>
  );
}
