import { Group, Paper, SimpleGrid, Stack, Text, TextInput, useComputedColorScheme } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import { useParams, useSearchParams } from 'react-router';
import type { Scorecard } from '../../../contracts/scorecards';
import { isApiError } from '../../app/api';
import { useMe } from '../../app/session';
import { usePageTitle } from '../../app/title';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { PageHeader } from '../../components/PageHeader';
import { formatValue } from '../reports/formatValue';
import { type ScorecardKind, useScorecard } from './goals.queries';

const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);
type Kpi = Scorecard['kpis'][number];

/** Better or worse than a comparison, in words (a screen reader says them too), by the KPI's direction. */
function Versus({ kpi, other, what }: { kpi: Kpi; other: number | null; what: string }) {
  // Shades that keep small text readable on either background.
  const shade = useComputedColorScheme('light') === 'dark' ? 4 : 9;
  const text = `${what}: ${formatValue(other, kpi.unit)}`;
  if (kpi.value === null || other === null || Math.abs(kpi.value - other) < 1e-9)
    return (
      <Text fz="xs" c="dimmed">
        {text}
      </Text>
    );
  const better = kpi.direction === 'higher' ? kpi.value > other : kpi.value < other;
  return (
    <Text fz="xs" c={`${better ? 'teal' : 'red'}.${shade}`}>
      {text} ({better ? 'better' : 'worse'})
    </Text>
  );
}

function KpiCard({ kpi }: { kpi: Kpi }) {
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={kpi.label}>
      <Text fz="sm" c="dimmed" fw={500}>
        {kpi.label}
      </Text>
      <Text fz={26} fw={700}>
        {formatValue(kpi.value, kpi.unit)}
      </Text>
      <Versus kpi={kpi} other={kpi.average} what="Average" />
      <Versus kpi={kpi} other={kpi.previous} what="Previous period" />
    </Paper>
  );
}

/** An agent's or a team's scorecard: the KPIs over a period beside their peers' average and the period before. */
export function ScorecardPage() {
  const me = useMe();
  const { kind: rawKind, id: rawId } = useParams();
  const [params, setParams] = useSearchParams();
  const kind: ScorecardKind = rawKind === 'teams' ? 'teams' : 'agents';
  const id = rawKind === 'me' ? me.id : Number(rawId);
  const validId = Number.isInteger(id) && id > 0 ? id : null;
  const today = new Date().toISOString().slice(0, 10);
  const period = {
    from: isDate(params.get('from')) ? (params.get('from') as string) : `${today.slice(0, 8)}01`,
    to: isDate(params.get('to')) ? (params.get('to') as string) : today,
  };
  const card = useScorecard(kind, validId, period);
  const title = card.data
    ? `Scorecard: ${card.data.subject.name}`
    : rawKind === 'me'
      ? 'My scorecard'
      : 'Scorecard';
  usePageTitle(title);
  const setDate = (key: 'from' | 'to', value: string) => {
    if (!isDate(value)) return;
    const next = new URLSearchParams(params);
    next.set(key, value);
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={title}
        description={
          card.data
            ? `${card.data.period.from} to ${card.data.period.to}, beside the average (${card.data.averageOf}) and ${card.data.previous.from} to ${card.data.previous.to}.`
            : 'KPIs over a period beside the average of peers and the period before.'
        }
      />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label="From"
            value={period.from}
            max={period.to}
            onChange={(e) => setDate('from', e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="To"
            value={period.to}
            min={period.from}
            onChange={(e) => setDate('to', e.currentTarget.value)}
          />
        </Group>
        {validId === null ? (
          <EmptyState
            icon={<IconId size={28} stroke={1.5} />}
            title="No such scorecard"
            description="The address names no agent or team."
          />
        ) : card.isPending ? (
          <LoadingState label="Loading the scorecard" variant="block" rows={4} />
        ) : card.isError ? (
          isApiError(card.error, 'FORBIDDEN') ? (
            <EmptyState
              icon={<IconId size={28} stroke={1.5} />}
              title="Not your scorecard"
              description="You can see your own scorecard, and those of the teams you lead and their members."
            />
          ) : (
            <ErrorState
              error={card.error}
              title="The scorecard could not be loaded"
              onRetry={() => void card.refetch()}
            />
          )
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
            {card.data.kpis.map((k) => (
              <KpiCard key={k.key} kpi={k} />
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </>
  );
}
