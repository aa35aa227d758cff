import { Alert, Button, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Organization } from '../../../contracts/customers';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { type OrganizationBody, useCreateOrganization, useUpdateOrganization } from './customers.queries';

interface OrganizationFormModalProps {
  organization: Organization | null;
  opened: boolean;
  onClose: () => void;
}

export function OrganizationFormModal({ organization, opened, onClose }: OrganizationFormModalProps) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={organization ? `Edit ${organization.name}` : 'New organisation'}
      size="lg"
    >
      {opened && <OrganizationForm organization={organization} onDone={onClose} />}
    </Modal>
  );
}

const domainPattern = /^([a-z0-9-]+\.)+[a-z]{2,}$/;

function OrganizationForm({
  organization,
  onDone,
}: {
  organization: Organization | null;
  onDone: () => void;
}) {
  const navigate = useNavigate();
  const create = useCreateOrganization();
  const update = useUpdateOrganization(organization?.id ?? 0);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OrganizationBody>({
    initialValues: {
      name: organization?.name ?? '',
      domains: organization?.domains ?? [],
      notes: organization?.notes ?? '',
      tags: organization?.tags ?? [],
    },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter a name'),
      domains: (value) => {
        const bad = value.find((d) => !domainPattern.test(d));
        return bad ? `“${bad}” is not a domain such as example.com` : null;
      },
    },
  });

  const submit = form.onSubmit((v) => {
    setFormError(null);
    const body = { name: v.name.trim(), domains: v.domains, notes: v.notes.trim(), tags: v.tags };
    const onError = (error: unknown) =>
      setFormError(
        applyServerErrors(form, error, { ORGANIZATION_NAME_TAKEN: 'name', DOMAIN_TAKEN: 'domains' }),
      );
    if (organization) {
      update.mutate(body, {
        onSuccess: (saved) => {
          notifySuccess(`${saved.name} is saved.`, 'Saved');
          onDone();
        },
        onError,
      });
    } else {
      create.mutate(body, {
        onSuccess: (saved) => {
          notifySuccess(`${saved.name} is ready.`, 'Organisation added');
          onDone();
          navigate(`/organizations/${saved.id}`);
        },
        onError,
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
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <TagsInput
          label="Email domains"
          description="People who write from these domains join this organisation. Press Enter after each."
          placeholder="example.com"
          {...form.getInputProps('domains')}
          onChange={(values) =>
            form.setFieldValue(
              'domains',
              values.map((d) => d.trim().toLowerCase()),
            )
          }
        />
        <Textarea label="Notes" autosize minRows={3} maxRows={8} {...form.getInputProps('notes')} />
        <TagsInput label="Tags" description="Press Enter after each tag" {...form.getInputProps('tags')} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {organization ? 'Save changes' : 'Add organisation'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
