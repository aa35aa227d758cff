import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { ratingLabel } from '../../../contracts/feedback';
import { useAnswerPortalSurvey, usePortalSurvey } from './feedback.queries';
import { SurveyForm } from './SurveyForm';

/**
 * Under a solved request in the portal: its satisfaction survey, once it was mailed. Answered,
 * it shows the answer, with a way to change it while that is allowed.
 */
export function PortalSurveyCard({ ticketId, solved }: { ticketId: number; solved: boolean }) {
  const survey = usePortalSurvey(ticketId, solved);
  const answer = useAnswerPortalSurvey(ticketId);
  const [changing, setChanging] = useState(false);
  if (!solved || !survey.data) return null;
  const given = survey.data.answer;
  if (survey.data.expired && !given) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="How did we do?">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          How did we do?
        </Title>
        {given && !changing ? (
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fz="sm">
              You rated this request: <strong>{ratingLabel(survey.data.scale, given.rating)}</strong>
              {given.comment ? ` — “${given.comment}”` : ''}
            </Text>
            {!survey.data.expired && (
              <Button variant="default" size="xs" onClick={() => setChanging(true)}>
                Change my answer
              </Button>
            )}
          </Group>
        ) : (
          <SurveyForm survey={survey.data} fromLink={null} answer={answer} heading={false} />
        )}
      </Stack>
    </Paper>
  );
}
