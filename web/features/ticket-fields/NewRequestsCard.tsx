import { Alert, Anchor, Button, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ChannelSettings } from '../../../contracts/settings';
import { errorMessage } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SectionCard } from '../../components/SectionCard';
import { useTeamOptions } from '../teams/teams.queries';
import { useCategories, useChannelSettings, useUpdateChannelSettings } from './ticket-fields.queries';

type Channel = keyof ChannelSettings;
const channels: { key: Channel; label: string; description: string }[] = [
  {
    key: 'contactForm',
    label: 'Contact form',
    description: 'Requests sent with the public form at /contact',
  },
  { key: 'portal', label: 'Portal', description: 'Requests customers open in the portal' },
];

type Values = Record<Channel, { teamId: string | null; categoryId: string | null }>;

const text = (id: number | null) => (id === null ? null : String(id));
const id = (value: string | null) => (value ? Number(value) : null);
const toValues = (settings: ChannelSettings): Values => ({
  contactForm: {
    teamId: text(settings.contactForm.teamId),
    categoryId: text(settings.contactForm.categoryId),
  },
  portal: { teamId: text(settings.portal.teamId), categoryId: text(settings.portal.categoryId) },
});
const toSettings = (values: Values): ChannelSettings => ({
  contactForm: { teamId: id(values.contactForm.teamId), categoryId: id(values.contactForm.categoryId) },
  portal: { teamId: id(values.portal.teamId), categoryId: id(values.portal.categoryId) },
});

/** Where new requests of each channel go: a team's queue and a category. */
export function NewRequestsCard() {
  const settings = useChannelSettings();
  return (
    <SectionCard
      title="Where new requests go"
      description="Each channel sends new requests to a team's queue, with a category. Without a team they reach only “All tickets” and “Unassigned”."
    >
      {settings.isPending ? (
        <LoadingState variant="block" label="Loading where new requests go" />
      ) : settings.isError ? (
        <ErrorState
          error={settings.error}
          title="These settings could not be loaded"
          onRetry={() => void settings.refetch()}
        />
      ) : (
        <NewRequestsForm settings={settings.data} />
      )}
    </SectionCard>
  );
}

function NewRequestsForm({ settings }: { settings: ChannelSettings }) {
  const update = useUpdateChannelSettings();
  const teams = useTeamOptions();
  const categories = useCategories();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({ initialValues: toValues(settings) });
  const categoryOptions = (categories.data ?? [])
    .filter((c) => !c.archived)
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((c) => ({ value: String(c.id), label: c.path }));

  const submit = form.onSubmit((values) => {
    setFormError(null);
    update.mutate(toSettings(values), {
      onSuccess: (saved) => {
        form.setInitialValues(toValues(saved));
        form.setValues(toValues(saved));
        notifySuccess('New requests go where you chose.', 'Setting saved');
      },
      onError: (error) => setFormError(errorMessage(error)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" role="alert" title="Not saved">
            {formError}
          </Alert>
        )}
        {channels.map((channel) => (
          <Stack key={channel.key} gap={4} component="fieldset" m={0} p={0} style={{ border: 0 }}>
            <Text component="legend" fw={600} fz="sm" p={0}>
              {channel.label}
            </Text>
            <Text fz="xs" c="dimmed">
              {channel.description}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={`${channel.label}: team`}
                placeholder="No team"
                data={teams.data ?? []}
                searchable
                clearable
                nothingFoundMessage="No team by that name"
                {...form.getInputProps(`${channel.key}.teamId`)}
              />
              <Select
                label={`${channel.label}: category`}
                placeholder="No category"
                data={categoryOptions}
                searchable
                clearable
                nothingFoundMessage="No category by that name"
                {...form.getInputProps(`${channel.key}.categoryId`)}
              />
            </SimpleGrid>
          </Stack>
        ))}
        <Text fz="sm" c="dimmed">
          Mail goes to the team and category of the mailbox it was sent to:{' '}
          <Anchor component={Link} to="/admin/mail" fz="sm" underline="always">
            set them on each mailbox
          </Anchor>
          . Agents choose for the tickets they open.
        </Text>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
