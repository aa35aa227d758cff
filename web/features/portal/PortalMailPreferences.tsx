import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import type { MailPreferences } from '../../../contracts/portal';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { usePortalPreferences, useSetPortalPreferences } from './portal.queries';

const choices: { key: keyof MailPreferences; label: string; description: string }[] = [
  {
    key: 'mailOnReply',
    label: 'When we reply',
    description: 'Our answer comes by email, and you can reply to that email.',
  },
  {
    key: 'mailOnSolved',
    label: 'When your request is solved',
    description: 'A short note that we consider it done; write again if it is not.',
  },
];

/** What the customer wants emailed about their requests; every reply still shows here. */
export function PortalMailPreferences() {
  const preferences = usePortalPreferences();
  const save = useSetPortalPreferences();

  const change = (key: keyof MailPreferences, on: boolean) => {
    if (!preferences.data) return;
    save.mutate(
      { ...preferences.data, [key]: on },
      {
        onSuccess: () => notifySuccess('Your email choices are saved.', 'Saved'),
        onError: (error) => notifyError(error, 'Your choice was not saved'),
      },
    );
  };

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="portal-mail-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h4" id="portal-mail-title">
            Emails about your requests
          </Title>
          <Text fz="sm" c="dimmed">
            Whatever you choose, every reply is always here under Your requests.
          </Text>
        </Stack>
        {preferences.isPending ? (
          <LoadingState label="Loading your email choices" rows={2} />
        ) : preferences.isError ? (
          <ErrorState
            error={preferences.error}
            title="We couldn't load your email choices"
            onRetry={() => void preferences.refetch()}
            retrying={preferences.isRefetching}
          />
        ) : (
          choices.map((choice) => (
            <Switch
              key={choice.key}
              label={choice.label}
              description={choice.description}
              checked={preferences.data[choice.key]}
              onChange={(event) => change(choice.key, event.currentTarget.checked)}
              disabled={save.isPending}
            />
          ))
        )}
      </Stack>
    </Paper>
  );
}
