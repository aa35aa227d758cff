import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { passwordTooShort } from '../../../contracts/passwords';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { SectionCard } from '../../components/SectionCard';
import { useChangePassword } from './profile.queries';

interface ChangePasswordFormProps {
  /** People who sign in with email links may have no password yet: the current one can be empty. */
  currentOptional?: boolean;
}

export function ChangePasswordForm({ currentOptional = false }: ChangePasswordFormProps) {
  const change = useChangePassword();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value || currentOptional ? null : 'Enter your current password'),
      newPassword: (value, values) =>
        passwordTooShort(value) ??
        (value === values.currentPassword ? 'Choose a password different from the current one' : null),
      confirmPassword: (value, values) =>
        value === values.newPassword ? null : 'The passwords do not match',
    },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.reset();
          notifySuccess('Your other sessions were signed out.', 'Password changed');
        },
        onError: (error) =>
          setFormError(applyServerErrors(form, error, { PASSWORD_INCORRECT: 'currentPassword' })),
      },
    );
  });

  return (
    <SectionCard title="Password" description="Changing it signs you out on your other devices.">
      <form onSubmit={submit} noValidate aria-label="Change password">
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert" title="Password not changed">
              {formError}
            </Alert>
          )}
          <PasswordInput
            label="Current password"
            description={currentOptional ? "Leave this empty if you don't have a password yet" : undefined}
            autoComplete="current-password"
            required={!currentOptional}
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label="New password"
            description="At least 10 characters"
            autoComplete="new-password"
            required
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label="Repeat new password"
            autoComplete="new-password"
            required
            {...form.getInputProps('confirmPassword')}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
