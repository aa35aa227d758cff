import {
  Alert,
  Button,
  Flex,
  Group,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import {
  type PublicSurvey,
  ratingLabel,
  ratingsOf,
  type SurveyAnswerBody,
} from '../../../contracts/feedback';
import { errorMessage, isApiError } from '../../app/api';
import { formatDateTime } from '../../app/format';

/** How the answer is sent: from the mailed link, or from the portal. */
export interface AnswerMutation {
  mutate: (body: SurveyAnswerBody, options: { onSuccess: () => void }) => void;
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: PublicSurvey | undefined;
}

const effortLabels = [
  'Strongly disagree',
  'Disagree',
  'Somewhat disagree',
  'Neither agree nor disagree',
  'Somewhat agree',
  'Agree',
  'Strongly agree',
];
const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

interface Draft {
  rating: number | null;
  effort: number | null;
  reasonId: string | null;
  comment: string;
}

function draftOf(survey: PublicSurvey, fromLink: number | null): Draft {
  const linked = fromLink !== null && ratingsOf(survey.scale).includes(fromLink) ? fromLink : null;
  return {
    rating: linked ?? survey.answer?.rating ?? null,
    effort: survey.answer?.effort ?? null,
    reasonId: survey.answer?.reasonId ? String(survey.answer.reasonId) : null,
    comment: survey.answer?.comment ?? '',
  };
}

/** The survey's questions. Nothing is recorded until the customer presses Send. */
export function SurveyForm({
  survey,
  fromLink,
  answer,
  heading = true,
}: {
  survey: PublicSurvey;
  fromLink: number | null;
  answer: AnswerMutation;
  /** The page's own title and the request it is about; off where the request is already shown. */
  heading?: boolean;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(survey, fromLink));
  const [missing, setMissing] = useState(false);
  const [sent, setSent] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.rating === null) {
      setMissing(true);
      return;
    }
    answer.mutate(
      {
        rating: draft.rating,
        effort: survey.askEffort ? draft.effort : null,
        reasonId: draft.reasonId ? Number(draft.reasonId) : null,
        comment: draft.comment.trim(),
      },
      { onSuccess: () => setSent(true) },
    );
  };

  if (sent && answer.data) {
    const until = answer.data.changeableUntil;
    return (
      <Paper withBorder p="xl" radius="md" role="status">
        <Stack gap="sm" align="center" ta="center">
          <IconCircleCheck size={44} stroke={1.5} color="var(--steward-ok-text)" />
          <Title order={1} fz="h3">
            Thank you for your answer
          </Title>
          <Text c="dimmed">
            It helps us get better.
            {until ? ` You can change it from the same link until ${formatDateTime(until, localZone)}.` : ''}
          </Text>
          <Button variant="subtle" onClick={() => setSent(false)}>
            Change my answer
          </Button>
        </Stack>
      </Paper>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Satisfaction survey">
      <Stack gap="lg">
        {heading && (
          <Stack gap={4}>
            <Title order={1} fz="h3">
              How did we do?
            </Title>
            <Text c="dimmed" fz="sm">
              About your request #{survey.ticket.id}: {survey.ticket.subject}
            </Text>
          </Stack>
        )}
        {answer.isError && (
          <Alert
            color="red"
            icon={<IconAlertCircle size={18} />}
            role="alert"
            title="Your answer was not sent"
          >
            {isApiError(answer.error, 'SURVEY_CLOSED')
              ? 'This survey has closed.'
              : errorMessage(answer.error)}
          </Alert>
        )}
        <Radio.Group
          label="How satisfied are you with the help you got?"
          value={draft.rating === null ? null : String(draft.rating)}
          onChange={(value) => {
            set({ rating: Number(value) });
            setMissing(false);
          }}
          error={missing ? 'Choose an answer' : undefined}
          required
        >
          <SimpleGrid cols={{ base: 1, sm: survey.scale === 'binary' ? 2 : 5 }} spacing="xs" mt="xs">
            {ratingsOf(survey.scale).map((rating) => (
              <Radio.Card key={rating} value={String(rating)} radius="md" p="sm">
                <Group gap="xs" wrap="nowrap">
                  <Radio.Indicator />
                  <Text fz="sm" fw={500}>
                    {survey.scale === 'five' ? `${rating} · ` : ''}
                    {ratingLabel(survey.scale, rating)}
                  </Text>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
        {survey.askEffort && (
          <Radio.Group
            label={survey.effortQuestion}
            description="Optional"
            value={draft.effort === null ? null : String(draft.effort)}
            onChange={(value) => set({ effort: Number(value) })}
          >
            <SimpleGrid cols={{ base: 1, sm: 7 }} spacing="xs" mt="xs">
              {effortLabels.map((label, i) => (
                <Radio.Card key={label} value={String(i + 1)} radius="md" p="xs">
                  <Flex
                    direction={{ base: 'row', sm: 'column' }}
                    gap={{ base: 'xs', sm: 4 }}
                    align="center"
                    ta={{ base: 'left', sm: 'center' }}
                  >
                    <Radio.Indicator />
                    <Text fz="xs">
                      {i + 1} · {label}
                    </Text>
                  </Flex>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
        )}
        {survey.reasons.length > 0 && (
          <Select
            label="What mattered most?"
            description="Optional"
            placeholder="Choose a reason"
            data={survey.reasons.map((r) => ({ value: String(r.id), label: r.label }))}
            value={draft.reasonId}
            onChange={(value) => set({ reasonId: value })}
            clearable
          />
        )}
        <Textarea
          label="Anything you want to tell us?"
          description="Optional"
          autosize
          minRows={3}
          maxRows={10}
          maxLength={2000}
          value={draft.comment}
          onChange={(event) => set({ comment: event.currentTarget.value })}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={answer.isPending}>
            {survey.answer ? 'Change my answer' : 'Send my answer'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
