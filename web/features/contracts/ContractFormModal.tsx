import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Contract } from '../../../contracts/service-contracts';
import { applyServerErrors } from '../../app/forms';
import { notifyError, notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { confirmAction } from '../../components/ConfirmButton';
import { OrganizationSelect } from '../customers/OrganizationSelect';
import { useStaffOptions } from '../users/users.queries';
import {
  type ContractFormValues,
  changedContractBody,
  contractBody,
  contractValidation,
  type EntitlementChoice,
  initialContractValues,
} from './contractForm';
import {
  useCreateContract,
  useDeleteContract,
  useSlaPolicyOptions,
  useUpdateContract,
} from './contracts.queries';

interface ContractFormModalProps {
  /** The contract to edit, or null for a new one. */
  contract: Contract | null;
  /** A new contract's organisation, when it is opened from the organisation's page. */
  organization?: { id: number; name: string };
  opened: boolean;
  onClose: () => void;
}

export function ContractFormModal({ contract, organization, opened, onClose }: ContractFormModalProps) {
  const title = contract
    ? `Edit ${contract.organization.name} · ${contract.plan}`
    : organization
      ? `New contract for ${organization.name}`
      : 'New contract';
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && <ContractForm contract={contract} organization={organization} onDone={onClose} />}
    </Modal>
  );
}

const entitlementOptions: { value: EntitlementChoice; label: string }[] = [
  { value: 'none', label: 'No set amount' },
  { value: 'tickets', label: 'Tickets per month' },
  { value: 'hours', label: 'Support hours per month' },
];
const isEntitlement = (value: string | null): value is EntitlementChoice =>
  entitlementOptions.some((o) => o.value === value);

function ContractForm({
  contract,
  organization,
  onDone,
}: {
  contract: Contract | null;
  organization?: { id: number; name: string };
  onDone: () => void;
}) {
  const me = useMe();
  const create = useCreateContract();
  const update = useUpdateContract();
  const policies = useSlaPolicyOptions();
  const staff = useStaffOptions();
  const askDelete = useAskDeleteContract();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<ContractFormValues>({
    initialValues: initialContractValues(contract, {
      organizationId: organization?.id ?? null,
      ownerId: me.id,
    }),
    validate: contractValidation,
  });
  const values = form.getValues();
  const fixedOrganization = contract?.organization ?? organization;

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const handlers = {
      onSuccess: (saved: Contract) => {
        notifySuccess(
          `${saved.organization.name} · ${saved.plan} runs ${saved.startsOn} to ${saved.endsOn}.`,
          contract ? 'Contract saved' : 'Contract added',
        );
        onDone();
      },
      onError: (error: unknown) => setFormError(applyServerErrors(form, error)),
    };
    if (contract) {
      const body = changedContractBody(contract, v);
      if (Object.keys(body).length === 0) return onDone();
      update.mutate({ id: contract.id, body }, handlers);
    } else {
      create.mutate({ organizationId: v.organizationId ?? 0, ...contractBody(v) }, handlers);
    }
  });

  const staffOptions = (staff.data ?? []).map((u) => ({ value: String(u.id), label: u.name }));
  if (contract?.owner && !staffOptions.some((o) => o.value === String(contract.owner?.id)))
    staffOptions.unshift({ value: String(contract.owner.id), label: contract.owner.name });
  const policyOptions = [...(policies.data ?? [])];
  if (contract?.slaPolicy && !policyOptions.some((o) => o.value === String(contract.slaPolicy?.id)))
    policyOptions.unshift({ value: String(contract.slaPolicy.id), label: contract.slaPolicy.name });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        {fixedOrganization ? (
          <Text fz="sm">
            <Text span c="dimmed" fz="sm">
              Organisation:{' '}
            </Text>
            {fixedOrganization.name}
            {form.errors.organizationId && (
              <Text span c="red" fz="sm" role="alert">
                {' '}
                {form.errors.organizationId}
              </Text>
            )}
          </Text>
        ) : (
          <OrganizationSelect
            label="Organisation"
            required
            data-autofocus
            value={values.organizationId}
            onChange={(id) => form.setFieldValue('organizationId', id)}
            error={form.errors.organizationId}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Plan"
            placeholder="e.g. Premium"
            required
            maxLength={80}
            data-autofocus={fixedOrganization ? true : undefined}
            {...form.getInputProps('plan')}
          />
          <Select
            label="Service-level policy"
            description="The policy its tickets run under"
            placeholder="By the policies' conditions"
            data={policyOptions}
            clearable
            searchable
            nothingFoundMessage={policies.isError ? 'Policies could not be loaded' : 'No policy by that name'}
            {...form.getInputProps('slaPolicyId')}
          />
          <TextInput type="date" label="Starts on" required {...form.getInputProps('startsOn')} />
          <TextInput
            type="date"
            label="Ends on"
            description="Its last day"
            required
            {...form.getInputProps('endsOn')}
          />
          <Select
            label="Included each month"
            data={entitlementOptions}
            allowDeselect={false}
            error={form.errors.entitlement}
            value={values.entitlement}
            onChange={(next) => {
              if (isEntitlement(next)) form.setFieldValue('entitlement', next);
            }}
          />
          {values.entitlement !== 'none' && (
            <NumberInput
              label={values.entitlement === 'hours' ? 'Hours a month' : 'Tickets a month'}
              description={
                values.entitlement === 'hours'
                  ? 'Counted from the calls and visits agents log'
                  : 'Counted from the tickets its people open'
              }
              required
              min={1}
              max={100_000}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('perMonth')}
            />
          )}
          <Select
            label="Owner"
            description="Reminded when the renewal review is due"
            placeholder="Nobody"
            data={staffOptions}
            searchable
            clearable
            nothingFoundMessage="Nobody by that name"
            {...form.getInputProps('ownerId')}
          />
          <NumberInput
            label="Review days before the end"
            description="When the renewal review is due"
            min={0}
            max={365}
            allowDecimal={false}
            allowNegative={false}
            suffix=" days"
            {...form.getInputProps('reviewDaysBefore')}
          />
        </SimpleGrid>
        <TextInput label="Notes" maxLength={2000} {...form.getInputProps('notes')} />
        <Group justify="space-between" gap="sm">
          {contract ? (
            <Button variant="subtle" color="red" onClick={() => askDelete(contract, onDone)}>
              Delete contract
            </Button>
          ) : (
            <span />
          )}
          <Group gap="sm">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {contract ? 'Save contract' : 'Add contract'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks, then deletes a contract; `onDeleted` runs once it is gone. */
export function useAskDeleteContract() {
  const remove = useDeleteContract();
  return (contract: Contract, onDeleted?: () => void) => {
    const name = `${contract.organization.name} · ${contract.plan}`;
    confirmAction({
      title: `Delete ${name}?`,
      message:
        'The contract is removed for good. Its tickets no longer show it, and no renewal reminder comes. To keep its history, let it expire instead.',
      confirmLabel: 'Delete contract',
      danger: true,
      onConfirm: () =>
        remove.mutate(contract.id, {
          onSuccess: () => {
            notifySuccess(`${name} is deleted.`, 'Contract deleted');
            onDeleted?.();
          },
          onError: (error) => notifyError(error, 'Not deleted'),
        }),
    });
  };
}
