import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconCheck, IconMoodSmile, IconTags } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import type { FeedbackSummary, SurveyAnswer } from '../../../contracts/feedback';
import { ticketChannels } from '../../../contracts/tickets';
import { can } from '../../app/access';
import { notifyError } from '../../app/notify';
import { useMe } from '../../app/session';
import { channelLabels, channelOptions } from '../../app/ticketLabels';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { QueryList } from '../../components/QueryList';
import { RelativeTime } from '../../components/RelativeTime';
import { useTeamOptions } from '../teams/teams.queries';
import { type AnswersFilter, useSurveyAnswers } from './feedback.queries';
import { useThemes, useToggleAnswerTheme } from './feedback-loop.queries';
import { SentimentBadge } from './SentimentBadge';

const periods = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: 'all', label: 'All time' },
];

const dayBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const whole = (value: string | null) => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined);
const isChannel = (value: string | null): value is (typeof ticketChannels)[number] =>
  value !== null && (ticketChannels as readonly string[]).includes(value);

/** The filters the address holds: shareable, and kept across a reload. */
function useFilter() {
  const [params, setParams] = useSearchParams();
  const period = periods.some((p) => p.value === params.get('period')) ? params.get('period')! : '30';
  const score = params.get('score');
  const channel = params.get('channel');
  const sentiment = params.get('sentiment');
  const filter: AnswersFilter = {
    ...(sentiment === 'negative' || sentiment === 'neutral' || sentiment === 'positive' ? { sentiment } : {}),
    ...(whole(params.get('themeId')) ? { themeId: whole(params.get('themeId')) } : {}),
    ...(score === 'positive' || score === 'negative' ? { score } : {}),
    ...(whole(params.get('agentId')) ? { agentId: whole(params.get('agentId')) } : {}),
    ...(whole(params.get('teamId')) ? { teamId: whole(params.get('teamId')) } : {}),
    ...(isChannel(channel) ? { channel } : {}),
    ...(params.get('comment') === 'true' ? { withComment: 'true' as const } : {}),
    ...(period === 'all' ? {} : { from: dayBefore(Number(period)) }),
  };
  const set = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null || value === '') next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );
  return { filter, period, params, set, clear: () => setParams({}, { replace: true }) };
}

export const percent = (value: number | null) => (value === null ? '—' : `${Math.round(value)}%`);

export function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      <Text fz="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

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

/** The themes of an answer as chips, and (for managers) a menu to tag or untag it. */
function AnswerThemes({ answer, canTag }: { answer: SurveyAnswer; canTag: boolean }) {
  const themes = useThemes(canTag);
  const toggle = useToggleAnswerTheme();
  const tagged = new Set(answer.themes.map((t) => t.id));
  return (
    <Group gap={4}>
      {answer.themes.map((t) => (
        <Badge key={t.id} variant="outline" color="grape" size="sm" tt="none">
          {t.name}
          <VisuallyHidden>{t.source === 'rule' ? ' (by a rule)' : ' (by hand)'}</VisuallyHidden>
        </Badge>
      ))}
      {canTag && (
        <Menu closeOnItemClick={false} position="bottom-start">
          <Menu.Target>
            <Button size="compact-xs" variant="subtle" leftSection={<IconTags size={14} />}>
              Themes
              <VisuallyHidden> of the answer about ticket #{answer.ticket.id}</VisuallyHidden>
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {(themes.data ?? []).length === 0 ? (
              <Menu.Label>No themes yet: add them on the Themes tab</Menu.Label>
            ) : (
              (themes.data ?? []).map((t) => (
                <Menu.Item
                  key={t.id}
                  leftSection={tagged.has(t.id) ? <IconCheck size={14} /> : <span style={{ width: 14 }} />}
                  onClick={() =>
                    toggle.mutate(
                      { answerId: answer.id, themeId: t.id, on: !tagged.has(t.id) },
                      { onError: (error) => notifyError(error, 'The answer was not tagged') },
                    )
                  }
                >
                  {t.name}
                </Menu.Item>
              ))
            )}
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}

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
            <SentimentBadge sentiment={answer.sentiment?.label ?? null} />
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
        <AnswerThemes answer={answer} canTag={canTag} />
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

/** The feedback inbox: every answer with its comment, filtered, and the scores of the same filter. */
export function FeedbackAnswers() {
  const { filter, period, params, set, clear } = useFilter();
  const answers = useSurveyAnswers(filter);
  const teams = useTeamOptions();
  const themes = useThemes();
  const canTag = can(useMe().role, 'feedback.manage');
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
          aria-label="Period"
          data={periods}
          value={period}
          onChange={(value) => set('period', value === '30' ? null : value)}
          allowDeselect={false}
          w={150}
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
        <Select
          aria-label="Tone"
          placeholder="Any tone"
          data={[
            { value: 'negative', label: 'Negative tone' },
            { value: 'neutral', label: 'Neutral tone' },
            { value: 'positive', label: 'Positive tone' },
          ]}
          value={filter.sentiment ?? null}
          onChange={(value) => set('sentiment', value)}
          clearable
          w={160}
        />
        <Select
          aria-label="Theme"
          placeholder="Every theme"
          data={(themes.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
          value={filter.themeId ? String(filter.themeId) : null}
          onChange={(value) => set('themeId', value)}
          clearable
          w={160}
        />
        <Checkbox
          label="With a comment"
          checked={filter.withComment === 'true'}
          onChange={(event) => set('comment', event.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
      </Group>
      {summary && <Summary summary={summary} />}
      {summary && (summary.themes.length > 0 || summary.answers > 0) && (
        <Group gap="xs" wrap="wrap">
          <Text fz="sm" c="dimmed">
            Tone: {summary.sentiments.negative} negative · {summary.sentiments.neutral} neutral ·{' '}
            {summary.sentiments.positive} positive
          </Text>
          {summary.themes.slice(0, 8).map((t) => (
            <Button
              key={t.id}
              size="compact-xs"
              variant={filter.themeId === t.id ? 'filled' : 'light'}
              color="grape"
              onClick={() => set('themeId', filter.themeId === t.id ? null : String(t.id))}
              aria-pressed={filter.themeId === t.id}
            >
              {t.name} · {t.count}
            </Button>
          ))}
        </Group>
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
                onClear: clear,
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
