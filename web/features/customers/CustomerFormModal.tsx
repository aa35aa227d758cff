import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Customer } from '../../../contracts/customers';
import { applyServerErrors, looksLikeEmail } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { TimezoneSelect } from '../../components/TimezoneSelect';
import { useCreateCustomer, useOrganizationOptions, useUpdateCustomer } from './customers.queries';

interface CustomerFormModalProps {
  /** The customer to edit, or null to add one. */
  customer: Customer | null;
  opened: boolean;
  onClose: () => void;
}

export function CustomerFormModal({ customer, opened, onClose }: CustomerFormModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={customer ? `Edit ${customer.name}` : 'New customer'}
      size="lg"
    >
      {opened && <CustomerForm customer={customer} onDone={onClose} />}
    </Modal>
  );
}

interface Values {
  name: string;
  email: string;
  phone: string;
  organizationId: string | null;
  timezone: string | null;
  language: string;
  tags: string[];
}

function CustomerForm({ customer, onDone }: { customer: Customer | null; onDone: () => void }) {
  const navigate = useNavigate();
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer?.id ?? 0);
  const [orgSearch, setOrgSearch] = useState('');
  const [debouncedOrg] = useDebouncedValue(orgSearch, 250);
  const organizations = useOrganizationOptions(debouncedOrg);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: {
      name: customer?.name ?? '',
      email: customer?.email ?? '',
      phone: customer?.phone ?? '',
      organizationId: customer?.organization ? String(customer.organization.id) : null,
      timezone: customer?.timezone ?? null,
      language: customer?.language ?? '',
      tags: customer?.tags ?? [],
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter a name'),
      email: (value) => (value.trim() === '' || looksLikeEmail(value) ? null : 'Enter a valid email'),
    },
  });

  const orgOptions = [
    ...(customer?.organization
      ? [{ value: String(customer.organization.id), label: customer.organization.name }]
      : []),
    ...(organizations.data ?? []).filter((o) => o.value !== String(customer?.organization?.id)),
  ];

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const body = {
      name: v.name.trim(),
      email: v.email.trim() || null,
      phone: v.phone.trim() || null,
      organizationId: v.organizationId ? Number(v.organizationId) : null,
      timezone: v.timezone || null,
      language: v.language.trim() || null,
      tags: v.tags,
    };
    const errors = (error: unknown) => setFormError(applyServerErrors(form, error, { EMAIL_TAKEN: 'email' }));
    if (customer) {
      update.mutate(body, {
        onSuccess: (saved) => {
          notifySuccess(`${saved.name}'s details are saved.`, 'Saved');
          onDone();
        },
        onError: errors,
      });
    } else {
      create.mutate(body, {
        onSuccess: (saved) => {
          notifySuccess(`${saved.name} is in your customers.`, 'Customer added');
          onDone();
          navigate(`/customers/${saved.id}`);
        },
        onError: errors,
      });
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" {...form.getInputProps('email')} />
          <TextInput label="Phone" type="tel" {...form.getInputProps('phone')} />
          <Select
            label="Organisation"
            placeholder="None"
            searchable
            clearable
            searchValue={orgSearch}
            onSearchChange={setOrgSearch}
            data={orgOptions}
            filter={({ options }) => options}
            nothingFoundMessage="No organisation by that name"
            {...form.getInputProps('organizationId')}
          />
          <TimezoneSelect
            label="Timezone"
            placeholder="Not known"
            clearable
            {...form.getInputProps('timezone')}
          />
          <TextInput label="Language" placeholder="e.g. en, de" {...form.getInputProps('language')} />
        </SimpleGrid>
        <TagsInput
          label="Tags"
          description="Press Enter after each tag"
          clearable
          {...form.getInputProps('tags')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {customer ? 'Save changes' : 'Add customer'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
