import { Alert, Box, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconMailOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { errorMessage, isApiError } from '../../app/api';
import { portalSite, usePageTitle } from '../../app/title';
import { LoadingState } from '../../components/LoadingState';
import { useUnsubscribe, useUnsubscribeView } from './campaigns.queries';
import { Closed } from './SurveyPage';

/**
 * The unsubscribe link of a campaign mail. Opening it records nothing (mail scanners follow
 * links); the customer confirms with the button. Mail programs unsubscribe in one click by
 * posting to the address in the mail's List-Unsubscribe header.
 */
export function UnsubscribePage() {
  usePageTitle('Unsubscribe from surveys', portalSite);
  const { token = '' } = useParams();
  const view = useUnsubscribeView(token);
  const unsubscribe = useUnsubscribe(token);
  let content: ReactNode;
  if (view.isPending) content = <LoadingState variant="block" label="Loading" />;
  else if (view.isError)
    content =
      isApiError(view.error, 'NPS_LINK_NOT_FOUND') || isApiError(view.error, 'VALIDATION_FAILED') ? (
        <Closed title="This link does not work">Check that you opened the whole link from our mail.</Closed>
      ) : (
        <Closed title="This page could not be loaded">{errorMessage(view.error)}</Closed>
      );
  else
    content = (
      <Paper withBorder p="xl" radius="md">
        <Stack gap="md" align="center" ta="center">
          <IconMailOff size={40} stroke={1.5} color="var(--mantine-color-dimmed)" />
          <Title order={1} fz="h3">
            {view.data.unsubscribed ? 'You are unsubscribed' : 'Unsubscribe from occasional surveys?'}
          </Title>
          <Text c="dimmed">
            {view.data.unsubscribed
              ? `${view.data.email} gets no more occasional surveys (how likely you are to recommend us). You can turn them back on in the customer portal, under My account.`
              : `${view.data.email} will get no more occasional surveys asking how likely you are to recommend us. Replies to your requests, and the short rating after a request is solved, are not affected.`}
          </Text>
          {unsubscribe.isError && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} title="That did not work">
              {errorMessage(unsubscribe.error)}
            </Alert>
          )}
          {!view.data.unsubscribed && (
            <Button color="red" loading={unsubscribe.isPending} onClick={() => unsubscribe.mutate()}>
              Unsubscribe
            </Button>
          )}
        </Stack>
      </Paper>
    );
  return (
    <Box p="md" maw={760} mx="auto" component="main">
      <div role="status" aria-live="polite">
        {content}
      </div>
    </Box>
  );
}
