import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { StaffRole } from '../../../contracts/common';
import type { CreatedApiToken } from '../../../contracts/tokens';
import { roleLabels } from '../../app/access';
import { applyServerErrors } from '../../app/forms';
import { CopyField } from '../../components/CopyField';
import { useCreateToken } from './tokens.queries';

const tokenRoles: { value: StaffRole; label: string; description: string }[] = [
  { value: 'agent', label: roleLabels.agent, description: 'Reads and works tickets' },
  { value: 'manager', label: roleLabels.manager, description: 'Also manages agents, teams and reports' },
  { value: 'admin', label: roleLabels.admin, description: 'Full access, including settings and tokens' },
];

function isStaffRole(value: string | null): value is StaffRole {
  return value === 'admin' || value === 'manager' || value === 'agent';
}

interface CreateTokenModalProps {
  opened: boolean;
  onClose: () => void;
}

/** Creates a token, then shows its secret once. */
export function CreateTokenModal({ opened, onClose }: CreateTokenModalProps) {
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Copy your new token' : 'New API token'}
      size="lg"
      closeOnClickOutside={!created}
      closeOnEscape={!created}
    >
      {created ? (
        <TokenSecret created={created} onDone={close} />
      ) : (
        <TokenForm onCreated={setCreated} onCancel={close} />
      )}
    </Modal>
  );
}

function TokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (c: CreatedApiToken) => void;
  onCancel: () => void;
}) {
  const createToken = useCreateToken();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ name: string; role: StaffRole }>({
    initialValues: { name: '', role: 'agent' },
    validate: { name: (value) => (value.trim() ? null : 'Name the token after what uses it') },
  });
  const selected = tokenRoles.find((r) => r.value === form.getValues().role);

  const submit = form.onSubmit((values) => {
    setFormError(null);
    createToken.mutate(
      { name: values.name.trim(), role: values.role },
      { onSuccess: onCreated, onError: (error) => setFormError(applyServerErrors(form, error)) },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="The token was not created">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Name"
          description="What uses this token, e.g. “CRM sync”"
          required
          data-autofocus
          {...form.getInputProps('name')}
        />
        <Select
          label="Role"
          description={selected?.description}
          data={tokenRoles.map(({ value, label }) => ({ value, label }))}
          allowDeselect={false}
          required
          {...form.getInputProps('role')}
          onChange={(value) => {
            if (isStaffRole(value)) form.setFieldValue('role', value);
          }}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={createToken.isPending}>
            Create token
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function TokenSecret({ created, onDone }: { created: CreatedApiToken; onDone: () => void }) {
  return (
    <Stack gap="md">
      <Alert
        color="orange"
        icon={<IconAlertTriangle size={18} />}
        title="This is the only time you can see it"
      >
        Copy the token now and store it somewhere safe, like your integration's secret store. Steward keeps
        only a fingerprint: if you lose it, revoke it and create a new one.
      </Alert>
      <Text fz="sm">
        Token <b>{created.token.name}</b> ({roleLabels[created.token.role]}). Send it as{' '}
        <Text span ff="monospace" fz="sm">
          Authorization: Bearer &lt;token&gt;
        </Text>
        .
      </Text>
      <CopyField value={created.secret} label="token" />
      <Group justify="flex-end">
        <Button onClick={onDone}>I have copied the token</Button>
      </Group>
    </Stack>
  );
}
