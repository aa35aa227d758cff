import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { errorMessage, isApiError } from '../../app/api';
import { portalSite, usePageTitle } from '../../app/title';
import { LoadingState } from '../../components/LoadingState';
import { useAnswerSurvey, usePublicSurvey } from './feedback.queries';
import { SurveyForm } from './SurveyForm';

/** A closed or unknown link: said plainly, with nothing to fill in. */
export function Closed({ title, children }: { title: string; children: string }) {
  return (
    <Paper withBorder p="xl" radius="md" role="status">
      <Stack gap="sm" align="center" ta="center">
        <IconLinkOff size={40} stroke={1.5} color="var(--mantine-color-dimmed)" />
        <Title order={1} fz="h3">
          {title}
        </Title>
        <Text c="dimmed">{children}</Text>
      </Stack>
    </Paper>
  );
}

/**
 * The page a survey link opens. Opening it records nothing, so a mail scanner that follows the
 * link casts no vote: the rating chosen in the mail is only preselected until the customer sends it.
 */
export function SurveyPage() {
  usePageTitle('How did we do?', portalSite);
  const { token = '' } = useParams();
  const [search] = useSearchParams();
  const linked = search.get('rating');
  const survey = usePublicSurvey(token);
  const answer = useAnswerSurvey(token);
  let content: ReactNode;
  if (survey.isPending) content = <LoadingState variant="block" label="Loading the survey" />;
  else if (survey.isError)
    content =
      isApiError(survey.error, 'SURVEY_NOT_FOUND') || isApiError(survey.error, 'VALIDATION_FAILED') ? (
        <Closed title="This link does not work">
          Check that you opened the whole link from our mail. If it still does not work, just reply to that
          mail.
        </Closed>
      ) : (
        <Closed title="The survey could not be loaded">{errorMessage(survey.error)}</Closed>
      );
  else if (survey.data.expired)
    content = (
      <Closed title="This survey has closed">
        {survey.data.answer
          ? 'Thank you: we have your answer, and the time to change it is over.'
          : 'The link is too old to answer. Thank you all the same.'}
      </Closed>
    );
  else
    content = (
      <SurveyForm
        answer={answer}
        survey={survey.data}
        fromLink={linked !== null && /^\d$/.test(linked) ? Number(linked) : null}
      />
    );
  return (
    <Box p="md" maw={760} mx="auto" component="main">
      {content}
    </Box>
  );
}
