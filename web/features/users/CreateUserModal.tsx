import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { assignableRoles } from '../../app/access';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { useMe } from '../../app/session';
import { UserFormFields, type UserFormValues, userFormValidation } from './UserFormFields';
import { useCreateUser } from './users.queries';

interface CreateUserModalProps {
  opened: boolean;
  onClose: () => void;
}

export function CreateUserModal({ opened, onClose }: CreateUserModalProps) {
  const me = useMe();
  const createUser = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<UserFormValues>({
    initialValues: {
      name: '',
      email: '',
      role: assignableRoles(me.role).includes('agent') ? 'agent' : 'customer',
      password: '',
      timezone: me.timezone || 'UTC',
      skills: [],
      languages: [],
      teamIds: [],
    },
    validate: userFormValidation,
  });

  const close = () => {
    form.reset();
    setFormError(null);
    createUser.reset();
    onClose();
  };

  const submit = form.onSubmit((values) => {
    setFormError(null);
    createUser.mutate(
      {
        name: values.name.trim(),
        email: values.email.trim(),
        role: values.role,
        password: values.password === '' ? undefined : values.password,
        timezone: values.timezone,
        skills: values.skills,
        languages: values.languages,
        teamIds: values.teamIds.map(Number),
      },
      {
        onSuccess: (user) => {
          notifySuccess(`${user.name} can now be found in Users.`, 'User created');
          close();
        },
        onError: (error) => setFormError(applyServerErrors(form, error, { EMAIL_TAKEN: 'email' })),
      },
    );
  });

  return (
    <Modal opened={opened} onClose={close} title="New user" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          {formError && (
            <Alert color="red" role="alert" title="The user was not created">
              {formError}
            </Alert>
          )}
          <UserFormFields form={form} withPassword />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={createUser.isPending}>
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
