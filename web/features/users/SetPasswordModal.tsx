import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { passwordTooShort } from '../../../contracts/passwords';
import type { User } from '../../../contracts/users';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useSetUserPassword } from './users.queries';

interface SetPasswordModalProps {
  user: User;
  opened: boolean;
  onClose: () => void;
}

export function SetPasswordModal({ user, opened, onClose }: SetPasswordModalProps) {
  const setPassword = useSetUserPassword(user.id);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '' },
    validate: {
      password: passwordTooShort,
    },
  });

  const close = () => {
    form.reset();
    setFormError(null);
    onClose();
  };

  const submit = form.onSubmit(({ password }) => {
    setFormError(null);
    setPassword.mutate(password, {
      onSuccess: () => {
        notifySuccess(`Share the new password with ${user.name} over a safe channel.`, 'Password set');
        close();
      },
      onError: (error) => setFormError(applyServerErrors(form, error)),
    });
  });

  return (
    <Modal opened={opened} onClose={close} title={`Set a new password for ${user.name}`}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm" c="dimmed">
            The old password stops working at once. Their other sessions may be signed out.
          </Text>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <PasswordInput
            label="New password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            data-autofocus
            {...form.getInputProps('password')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={setPassword.isPending}>
              Set password
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
