import { Paper, Stack, Switch, Title } from '@mantine/core';
import { notifyError, notifySuccess } from '../../app/notify';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { useSetSurveyPreference, useSurveyPreference } from '../feedback/campaigns.queries';

/** Whether the customer receives occasional surveys (NPS campaigns); the rating after a request is separate. */
export function PortalSurveyPreference() {
  const preference = useSurveyPreference();
  const save = useSetSurveyPreference();
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="portal-surveys-title">
      <Stack gap="md">
        <Title order={2} fz="h4" id="portal-surveys-title">
          Surveys
        </Title>
        {preference.isPending ? (
          <LoadingState label="Loading your survey choice" rows={1} />
        ) : preference.isError ? (
          <ErrorState
            error={preference.error}
            title="We couldn't load your survey choice"
            onRetry={() => void preference.refetch()}
            retrying={preference.isRefetching}
          />
        ) : (
          <Switch
            label="Send me occasional surveys"
            description="Now and then we ask how likely you are to recommend us. This does not cover the short rating we ask for after a request is solved."
            checked={preference.data.campaigns}
            disabled={save.isPending}
            onChange={(event) =>
              save.mutate(
                { campaigns: event.currentTarget.checked },
                {
                  onSuccess: () => notifySuccess('Your survey choice is saved.', 'Saved'),
                  onError: (error) => notifyError(error, 'Your choice was not saved'),
                },
              )
            }
          />
        )}
      </Stack>
    </Paper>
  );
}
