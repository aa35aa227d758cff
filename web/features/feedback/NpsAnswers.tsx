import { Anchor, Badge, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconSpeakerphone } from '@tabler/icons-react';
import { Link } from 'react-router';
import { type NpsGroup, type NpsInboxAnswer, type NpsSummary, npsGroups } from '../../../contracts/nps';
import { EmptyState } from '../../components/EmptyState';
import { LoadMore } from '../../components/LoadMore';
import { QueryList } from '../../components/QueryList';
import { RelativeTime } from '../../components/RelativeTime';
import {
  AnswerThemes,
  CommonFilters,
  Figure,
  percent,
  ToneAndThemes,
  useAddressFilter,
  whole,
} from './AnswerParts';
import { useCampaigns } from './campaigns.queries';
import { type NpsAnswersFilter, useNpsAnswers } from './feedback.queries';
import { SentimentBadge } from './SentimentBadge';

/** Promoters green, passives amber, detractors red, as on the campaign results. */
const groups: Record<NpsGroup, { label: string; plural: string; color: string }> = {
  promoter: { label: 'Promoter', plural: 'Promoters (9–10)', color: 'green' },
  passive: { label: 'Passive', plural: 'Passives (7–8)', color: 'yellow' },
  detractor: { label: 'Detractor', plural: 'Detractors (0–6)', color: 'red' },
};
const isGroup = (value: string | null): value is NpsGroup =>
  value !== null && (npsGroups as readonly string[]).includes(value);

/** NPS with its sign: "+24", "−8", "0". */
const signed = (value: number | null) =>
  value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(Math.round(value))}`;

function Summary({ summary }: { summary: NpsSummary }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
      <Figure label="NPS" value={signed(summary.nps)} hint="% promoters − % detractors" />
      <Figure
        label="Promoters · detractors"
        value={`${summary.promoters} · ${summary.detractors}`}
        hint={`${summary.passives} passive${summary.passives === 1 ? '' : 's'} between`}
      />
      <Figure label="Answers" value={String(summary.answers)} hint="In the period and filters" />
      <Figure
        label="Response rate"
        value={percent(summary.responseRate)}
        hint={`${summary.sent} campaign mail${summary.sent === 1 ? '' : 's'} sent in the period`}
      />
    </SimpleGrid>
  );
}

function NpsAnswerCard({ answer, canTag }: { answer: NpsInboxAnswer; canTag: boolean }) {
  const group = groups[answer.group];
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`NPS answer from ${answer.customer.name}`}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Group gap="xs">
            <Badge color={group.color} variant="light">
              {answer.score} · {group.label}
            </Badge>
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
          kind="nps"
          answerId={answer.id}
          themes={answer.themes}
          canTag={canTag}
          about={`${answer.customer.name}'s NPS answer`}
        />
        <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {answer.customer.name}
          {answer.organization ? ` (${answer.organization.name})` : ''} ·{' '}
          <Anchor component={Link} to={`/feedback/campaigns/${answer.campaign.id}`} fz="xs">
            {answer.campaign.name}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}

/** NPS campaign answers: every answer with its comment, filtered, and NPS of the same filter. */
export function NpsAnswers({ canTag }: { canTag: boolean }) {
  const address = useAddressFilter();
  const { params, shared, set, clear } = address;
  const group = params.get('group');
  const campaignId = whole(params.get('campaignId'));
  const filter: NpsAnswersFilter = {
    ...shared,
    ...(isGroup(group) ? { group } : {}),
    ...(campaignId ? { campaignId } : {}),
  };
  const answers = useNpsAnswers(filter, true);
  const campaigns = useCampaigns();
  const rows = answers.data?.pages.flatMap((p) => p.data) ?? [];
  const summary = answers.data?.pages[0]?.summary;
  const filtered = [...params.keys()].some((key) => key !== 'survey');

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          aria-label="Group"
          placeholder="Every group"
          data={npsGroups.map((g) => ({ value: g, label: groups[g].plural }))}
          value={filter.group ?? null}
          onChange={(value) => set('group', value)}
          clearable
          w={180}
        />
        <Select
          aria-label="Campaign"
          placeholder="Every campaign"
          data={(campaigns.data ?? []).map((c) => ({ value: String(c.id), label: c.name }))}
          value={filter.campaignId ? String(filter.campaignId) : null}
          onChange={(value) => set('campaignId', value)}
          clearable
          searchable
          w={200}
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
        loadingLabel="Loading NPS answers"
        errorTitle="NPS answers could not be loaded"
        isEmpty={rows.length === 0}
        empty={
          <EmptyState
            icon={<IconSpeakerphone size={28} stroke={1.5} />}
            title="No NPS answers yet"
            description="When a campaign goes out (see the Campaigns tab), the scores and comments customers send arrive here."
          />
        }
        noMatch={
          filtered
            ? {
                title: 'No NPS answers match',
                description: 'No NPS answer in this period fits the filters.',
                onClear: () => clear(['survey']),
              }
            : null
        }
      >
        <Stack gap="sm">
          {rows.map((answer) => (
            <NpsAnswerCard key={answer.id} answer={answer} canTag={canTag} />
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
