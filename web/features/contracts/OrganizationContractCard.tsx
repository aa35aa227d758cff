import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Contract } from '../../../contracts/service-contracts';
import { can } from '../../app/access';
import { useMe } from '../../app/session';
import { ErrorState } from '../../components/ErrorState';
import { Fact } from '../../components/Fact';
import { LoadingState } from '../../components/LoadingState';
import { SectionCard } from '../../components/SectionCard';
import { ContractFormModal } from './ContractFormModal';
import { ContractFlagText, ContractStatusBadges, UsageMeter } from './ContractParts';
import { useOrganizationContracts } from './contracts.queries';
import { contractFlag, currentContract, entitlementText, periodText } from './contractText';

/** The organisation's contract: the one that speaks for it today, the next ones, and the past ones small. */
export function OrganizationContractCard({ organization }: { organization: { id: number; name: string } }) {
  const me = useMe();
  const canManage = can(me.role, 'contracts.manage');
  const contracts = useOrganizationContracts(organization.id);
  const [editing, setEditing] = useState<Contract | null | undefined>(undefined);
  const all = contracts.data ?? [];
  const current = currentContract(all);
  const upcoming = all.filter((c) => c.status === 'upcoming');
  const past = all
    .filter((c) => c.status === 'expired' && c.id !== current?.id)
    .sort((a, b) => b.endsOn.localeCompare(a.endsOn));

  return (
    <SectionCard
      title="Contract"
      actions={
        canManage && (
          <Group gap="xs" wrap="wrap" justify="flex-end">
            {current && (
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPencil size={14} />}
                onClick={() => setEditing(current)}
                aria-label={`Edit ${current.plan} contract`}
              >
                Edit
              </Button>
            )}
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing(null)}
            >
              Add contract
            </Button>
          </Group>
        )
      }
    >
      {contracts.isPending ? (
        <LoadingState label="Loading the contract" rows={3} />
      ) : contracts.isError ? (
        <ErrorState
          error={contracts.error}
          title="The contract could not be loaded"
          onRetry={() => void contracts.refetch()}
        />
      ) : (
        <Stack gap="md">
          {current ? (
            <CurrentContract contract={current} />
          ) : (
            <Text fz="sm" c="dimmed">
              {upcoming.length
                ? 'No contract runs today.'
                : canManage
                  ? 'No contract. Add one to record the plan, the service level its tickets get, what it includes each month and when it is up for renewal.'
                  : 'No support contract on record.'}
            </Text>
          )}
          <ContractList
            title={upcoming.length === 1 ? 'Next contract' : 'Next contracts'}
            contracts={upcoming}
            onEdit={canManage ? setEditing : null}
          />
          <ContractList title="Past contracts" contracts={past} onEdit={canManage ? setEditing : null} />
        </Stack>
      )}
      {canManage && (
        <ContractFormModal
          contract={editing ?? null}
          organization={organization}
          opened={editing !== undefined}
          onClose={() => setEditing(undefined)}
        />
      )}
    </SectionCard>
  );
}

function CurrentContract({ contract }: { contract: Contract }) {
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600}>{contract.plan}</Text>
        <ContractStatusBadges contract={contract} />
      </Group>
      <Fact label="Service level">{contract.slaPolicy?.name ?? 'By the policies’ conditions'}</Fact>
      <Fact label="Runs">{periodText(contract)}</Fact>
      <Fact label="Includes">{entitlementText(contract)}</Fact>
      <Stack gap={4}>
        <Text fz="sm" c="dimmed">
          This month
        </Text>
        <UsageMeter contract={contract} width="100%" />
      </Stack>
      <Fact label="Owner">{contract.owner?.name ?? 'Nobody'}</Fact>
      <Fact label="Renewal review">{contract.reviewOn}</Fact>
      {contract.notes && (
        <Text fz="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {contract.notes}
        </Text>
      )}
    </Stack>
  );
}

function ContractList({
  title,
  contracts,
  onEdit,
}: {
  title: string;
  contracts: Contract[];
  onEdit: ((contract: Contract) => void) | null;
}) {
  if (contracts.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text fz="xs" fw={600} c="dimmed">
        {title}
      </Text>
      <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {contracts.map((c) => (
          <Text key={c.id} component="li" fz="xs" c="dimmed">
            {onEdit ? (
              <Anchor component="button" type="button" fz="xs" onClick={() => onEdit(c)}>
                {c.plan}
              </Anchor>
            ) : (
              c.plan
            )}{' '}
            · {periodText(c)}
          </Text>
        ))}
      </Stack>
    </Stack>
  );
}

/** " · Contract expired on …" or " · Over entitlement: …" after the organisation's name line, else nothing. */
export function OrganizationContractFlag({ organizationId }: { organizationId: number }) {
  const contracts = useOrganizationContracts(organizationId);
  const flag = contractFlag(currentContract(contracts.data ?? []));
  if (!flag || flag.tone === 'quiet') return null;
  return (
    <>
      {' · '}
      <ContractFlagText flag={flag} />
    </>
  );
}
