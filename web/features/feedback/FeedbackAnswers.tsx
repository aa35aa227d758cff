import {
  Anchor,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { IconMoodSmile } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { FeedbackSummary, SurveyAnswer } from '../../../contracts/feedback';
import { ticketChannels } from '../../../contracts/tickets';
import { can } from '../../app/access';
import { useMe } from '../../app/session';
import { channelLabels, channelOptions } from '../../app/ticketLabels';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { QueryList } from '../../components/QueryList';
import { RelativeTime } from '../../components/RelativeTime';
import { useTeamOptions } from '../teams/teams.queries';
import {
  AnswerThemes,
  CommonFilters,
  Figure,
  percent,
  ToneAndThemes,
  useAddressFilter,
  whole,
} from './AnswerParts';
import { type AnswersFilter, useSurveyAnswers } from './feedback.queries';
import { NpsAnswers } from './NpsAnswers';
import { SentimentBadge } from './SentimentBadge';

const isChannel = (value: string | null): value is (typeof ticketChannels)[number] =>
  value !== null && (ticketChannels as readonly string[]).includes(value);

/** The filters only survey answers have: they are about a ticket, its agent, team and channel. */
const surveyOnly = ['score', 'agentId', 'teamId', 'channel'];
/** The filters only NPS answers have. */
const npsOnly = ['group', 'campaignId'];

function Summary({ summary }: { summary: FeedbackSummary }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Figure
        label="CSAT"
        value={percent(summary.csat)}
        hint={`${summary.positive} of ${summary.answers} answers positive`}
      />
      <Figure
        label="Effort (CES)"
        value={summary.ces === null ? '—' : summary.ces.toFixed(1)}
        hint="Average, 1 (hard) to 7 (easy)"
      />
      <Figure label="Answers" value={String(summary.answers)} hint="In the period and filters" />
      <Figure
        label="Response rate"
        value={percent(summary.responseRate)}
        hint={`${summary.sent} surveys sent in the period`}
      />
    </SimpleGrid>
  );
}

/** Green for positive, amber for the middle of the five-point scale, red below it. */
const toneOf = (answer: SurveyAnswer) =>
  answer.positive ? 'green' : answer.scale === 'five' && answer.rating === 3 ? 'yellow' : 'red';

function AnswerCard({ answer, canTag }: { answer: SurveyAnswer; canTag: boolean }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`Answer about ticket #${answer.ticket.id}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Badge color={toneOf(answer)} variant="light">
              {answer.scale === 'five' ? `${answer.rating} · ` : ''}
              {answer.ratingLabel}
            </Badge>
            {answer.effort !== null && (
              <Badge color="gray" variant="light">
                Effort {answer.effort}/7
              </Badge>
            )}
            {answer.reason && (
              <Badge color="blue" variant="outline">
                {answer.reason.name}
              </Badge>
            )}
            {answer.comment && <SentimentBadge sentiment={answer.sentiment?.label ?? null} />}
          </Group>
          <RelativeTime value={answer.answeredAt} fz="xs" c="dimmed" />
        </Group>
        {answer.comment ? (
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            “{answer.comment}”
          </Text>
        ) : (
          <Text fz="sm" c="dimmed" fs="italic">
            No comment
          </Text>
        )}
        <AnswerThemes
          kind="csat"
          answerId={answer.id}
          themes={answer.themes}
          canTag={canTag}
          about={`the answer about ticket #${answer.ticket.id}`}
        />
        <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {answer.customer.name}
          {answer.organization ? ` (${answer.organization.name})` : ''} about{' '}
          <Anchor component={Link} to={`/inbox/all/tickets/${answer.ticket.id}`} fz="xs">
            #{answer.ticket.id} {answer.ticket.subject}
          </Anchor>{' '}
          · {channelLabels[answer.ticket.channel]}
          {answer.agent ? (
            <>
              {' '}
              · solved by{' '}
              <Anchor component={Link} to={`/feedback?agentId=${answer.agent.id}`} fz="xs">
                {answer.agent.name}
              </Anchor>
            </>
          ) : null}
          {answer.team ? ` · ${answer.team.name}` : ''}
        </Text>
      </Stack>
    </Paper>
  );
}

/** Survey (CSAT and CES) answers: every answer with its comment, filtered, and the scores of the same filter. */
function SurveyAnswers({ canTag }: { canTag: boolean }) {
  const address = useAddressFilter();
  const { params, shared, set, clear } = address;
  const score = params.get('score');
  const channel = params.get('channel');
  const filter: AnswersFilter = {
    ...shared,
    ...(score === 'positive' || score === 'negative' ? { score } : {}),
    ...(whole(params.get('agentId')) ? { agentId: whole(params.get('agentId')) } : {}),
    ...(whole(params.get('teamId')) ? { teamId: whole(params.get('teamId')) } : {}),
    ...(isChannel(channel) ? { channel } : {}),
  };
  const answers = useSurveyAnswers(filter);
  const teams = useTeamOptions();
  const rows = answers.data?.pages.flatMap((p) => p.data) ?? [];
  const summary = answers.data?.pages[0]?.summary;
  const filtered = [...params.keys()].length > 0;

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="Score"
          value={filter.score ?? 'all'}
          onChange={(value) => set('score', value === 'all' ? null : value)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'positive', label: 'Positive' },
            { value: 'negative', label: 'Negative' },
          ]}
        />
        <Select
          aria-label="Team"
          placeholder="Every team"
          data={teams.data ?? []}
          value={filter.teamId ? String(filter.teamId) : null}
          onChange={(value) => set('teamId', value)}
          clearable
          w={170}
        />
        <Select
          aria-label="Channel"
          placeholder="Every channel"
          data={channelOptions}
          value={filter.channel ?? null}
          onChange={(value) => set('channel', value)}
          clearable
          w={160}
        />
        <CommonFilters filter={address} />
      </Group>
      {summary && <Summary summary={summary} />}
      {summary && (
        <ToneAndThemes
          summary={summary}
          themeId={filter.themeId}
          onTheme={(id) => set('themeId', id === null ? null : String(id))}
        />
      )}
      <QueryList
        query={answers}
        loadingLabel="Loading answers"
        errorTitle="Answers could not be loaded"
        isEmpty={rows.length === 0}
        empty={
          <EmptyState
            icon={<IconMoodSmile size={28} stroke={1.5} />}
            title="No answers yet"
            description="When a ticket is solved, its customer gets a short survey by mail (see Settings). Their answers and comments arrive here."
          />
        }
        noMatch={
          filtered
            ? {
                title: 'No answers match',
                description: 'No answer in this period fits the filters.',
                onClear: () => clear(),
              }
            : null
        }
      >
        <Stack gap="sm">
          {rows.map((answer) => (
            <AnswerCard key={answer.id} answer={answer} canTag={canTag} />
          ))}
          <LoadMore
            hasNextPage={answers.hasNextPage}
            isFetchingNextPage={answers.isFetchingNextPage}
            fetchNextPage={answers.fetchNextPage}
            shown={rows.length}
            noun="answers"
          />
        </Stack>
      </QueryList>
    </Stack>
  );
}

/**
 * The feedback inbox: survey answers (CSAT and CES, about a solved ticket) or NPS campaign
 * answers (about the company), chosen in the address so a link keeps it.
 */
export function FeedbackAnswers() {
  const { params, update } = useAddressFilter();
  const survey = params.get('survey') === 'nps' ? 'nps' : 'csat';
  const canTag = can(useMe().role, 'feedback.manage');
  return (
    <Stack gap="md">
      <Group gap="sm" wrap="wrap">
        <Text fz="sm" fw={500} id="feedback-survey">
          Survey
        </Text>
        <SegmentedControl
          aria-labelledby="feedback-survey"
          value={survey}
          onChange={(value) =>
            // Filters of the other survey do not apply: they are dropped with the switch.
            update((next) => {
              for (const key of value === 'nps' ? surveyOnly : npsOnly) next.delete(key);
              if (value === 'nps') next.set('survey', 'nps');
              else next.delete('survey');
            })
          }
          data={[
            { value: 'csat', label: 'CSAT / CES' },
            { value: 'nps', label: 'NPS' },
          ]}
        />
      </Group>
      {survey === 'nps' ? <NpsAnswers canTag={canTag} /> : <SurveyAnswers canTag={canTag} />}
    </Stack>
  );
}
