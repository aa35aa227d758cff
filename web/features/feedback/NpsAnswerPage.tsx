import { Alert, Anchor, Box, Button, Chip, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { PublicNps } from '../../../contracts/nps';
import { errorMessage, isApiError } from '../../app/api';
import { portalSite, usePageTitle } from '../../app/title';
import { LoadingState } from '../../components/LoadingState';
import { useAnswerNps, usePublicNps } from './campaigns.queries';
import { Closed } from './SurveyPage';

const scores = Array.from({ length: 11 }, (_, i) => i);

/** The 0–10 question and a comment. Nothing is recorded until the customer presses Send. */
function NpsForm({ view, token }: { view: PublicNps; token: string }) {
  const answer = useAnswerNps(token);
  const [score, setScore] = useState<string | null>(view.answer ? String(view.answer.score) : null);
  const [comment, setComment] = useState(view.answer?.comment ?? '');
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) {
      setMissing(true);
      return;
    }
    answer.mutate({ score: Number(score), comment: comment.trim() }, { onSuccess: () => setSent(true) });
  };

  if (sent)
    return (
      <Paper withBorder p="xl" radius="md" role="status">
        <Stack gap="sm" align="center" ta="center">
          <IconCircleCheck size={44} stroke={1.5} color="var(--steward-ok-text)" />
          <Title order={1} fz="h3">
            Thank you for your answer
          </Title>
          <Text c="dimmed">You can change it from the same link while it works.</Text>
          <Button variant="subtle" onClick={() => setSent(false)}>
            Change my answer
          </Button>
        </Stack>
      </Paper>
    );

  return (
    <form onSubmit={submit} noValidate aria-label="Recommendation survey">
      <Paper withBorder p="xl" radius="md">
        <Stack gap="lg">
          <Title order={1} fz="h3">
            {view.question}
          </Title>
          <Stack gap={6}>
            <Text id="nps-scale" fw={600} fz="sm">
              0 is not at all likely, 10 is extremely likely
            </Text>
            <Chip.Group
              multiple={false}
              value={score}
              onChange={(value) => {
                setScore(value);
                setMissing(false);
              }}
            >
              <Group gap={6} role="radiogroup" aria-labelledby="nps-scale">
                {scores.map((s) => (
                  <Chip
                    key={s}
                    value={String(s)}
                    variant="outline"
                    type="radio"
                    aria-label={`${s} out of 10`}
                  >
                    {s}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {missing && (
              <Text c="red.8" fz="sm" role="alert">
                Pick a number from 0 to 10.
              </Text>
            )}
          </Stack>
          <Textarea
            label="What is the main reason for your score? (optional)"
            value={comment}
            onChange={(event) => setComment(event.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={3}
          />
          {answer.isError && (
            <Alert color="red" icon={<IconAlertCircle size={18} />} title="Your answer was not sent">
              {errorMessage(answer.error)}
            </Alert>
          )}
          <Group justify="space-between" wrap="wrap">
            <Anchor component={Link} to={`/unsubscribe/${token}`} fz="sm">
              No more surveys like this one
            </Anchor>
            <Button type="submit" loading={answer.isPending}>
              Send
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

/**
 * The page an NPS campaign link opens. Opening it records nothing, so a mail scanner following
 * the link casts no vote.
 */
export function NpsAnswerPage() {
  usePageTitle('How likely are you to recommend us?', portalSite);
  const { token = '' } = useParams();
  const view = usePublicNps(token);
  let content: ReactNode;
  if (view.isPending) content = <LoadingState variant="block" label="Loading the question" />;
  else if (view.isError)
    content =
      isApiError(view.error, 'NPS_LINK_NOT_FOUND') || isApiError(view.error, 'VALIDATION_FAILED') ? (
        <Closed title="This link does not work">Check that you opened the whole link from our mail.</Closed>
      ) : (
        <Closed title="The question could not be loaded">{errorMessage(view.error)}</Closed>
      );
  else if (view.data.expired)
    content = (
      <Closed title="This survey has closed">
        {view.data.answer
          ? 'Thank you: we have your answer, and the link has expired.'
          : 'The link is too old to answer. Thank you all the same.'}
      </Closed>
    );
  else content = <NpsForm view={view.data} token={token} />;
  return (
    <Box p="md" maw={760} mx="auto" component="main">
      {content}
    </Box>
  );
}
