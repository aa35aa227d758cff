import { Alert, Button, Group, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Me } from '../../../contracts/auth';
import { applyServerErrors } from '../../app/forms';
import { notifySuccess } from '../../app/notify';
import { SectionCard } from '../../components/SectionCard';
import { TimezoneSelect } from '../../components/TimezoneSelect';
import { useUpdateMe } from './profile.queries';

export function ProfileDetailsForm({ me }: { me: Me }) {
  const update = useUpdateMe();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: me.name, timezone: me.timezone, languages: me.languages },
    validate: { name: (value) => (value.trim() ? null : 'Enter your name') },
  });

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(
      { name: values.name.trim(), timezone: values.timezone, languages: values.languages },
      {
        onSuccess: () => notifySuccess('Your profile is saved.', 'Saved'),
        onError: (error) => setFormError(applyServerErrors(form, error)),
      },
    );
  });

  return (
    <SectionCard
      title="Your details"
      description="How you appear to others, and the timezone your times are shown in."
    >
      <form onSubmit={submit} noValidate aria-label="Your details">
        <Stack gap="md">
          {formError && (
            <Alert color="red" role="alert" title="Not saved">
              {formError}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Name"
              description="Shown to your team and to customers"
              required
              autoComplete="name"
              {...form.getInputProps('name')}
            />
            <TextInput
              label="Email"
              value={me.email}
              readOnly
              description="Ask an admin to change it"
              variant="filled"
            />
            <TimezoneSelect
              description="Times in Steward are shown in it"
              {...form.getInputProps('timezone')}
            />
            <TagsInput
              label="Languages"
              description="Press Enter after each language"
              placeholder="e.g. en"
              clearable
              {...form.getInputProps('languages')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
              Save profile
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
