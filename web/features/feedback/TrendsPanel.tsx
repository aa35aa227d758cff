import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import {
  type TrendMeasure,
  type TrendSplit,
  trendMeasureLabels,
  trendMeasures,
  trendSplits,
} from '../../../contracts/trends';
import { errorMessage } from '../../app/api';
import { notifySuccess } from '../../app/notify';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/ErrorState';
import { LoadingState } from '../../components/LoadingState';
import { SectionCard } from '../../components/SectionCard';
import { SeriesChart } from '../../components/SeriesChart';
import { useCustomFields } from '../ticket-fields/ticket-fields.queries';
import { SpikeAlertsList } from './SpikeAlertsList';
import { type TrendFilter, useSpikeSettings, useTrend, useUpdateSpikeSettings } from './trends.queries';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const splitLabels: Record<TrendSplit, string> = {
  category: 'Category',
  tag: 'Tag',
  product: 'Product (a custom field)',
  organization: 'Organisation',
};

function formatOf(measure: TrendMeasure) {
  return (v: number | null) =>
    v === null
      ? '—'
      : measure === 'csat'
        ? `${v.toFixed(1)} %`
        : measure === 'ces'
          ? v.toFixed(1)
          : String(v);
}

/** Trends: volume and scores over time by one dimension, and the spike alerts. */
export function TrendsPanel({ canManage }: { canManage: boolean }) {
  const [filter, setFilter] = useState<TrendFilter>({
    from: isoDay(Date.now() - 27 * DAY),
    to: isoDay(Date.now()),
    measure: 'volume',
    split: 'category',
    grain: 'day',
  });
  const fields = useCustomFields();
  const needsField = filter.split === 'product' && !filter.field;
  const trend = useTrend(filter, !needsField);
  const set = (changes: Partial<TrendFilter>) =>
    setFilter((f) => {
      const next = { ...f, ...changes };
      // NPS belongs to a customer, not a ticket: it splits by organisation only.
      if (next.measure === 'nps') next.split = 'organization';
      return next;
    });
  const fieldOptions = (fields.data ?? [])
    .filter((f) => f.type === 'dropdown' || f.type === 'text')
    .map((f) => ({ value: f.key, label: f.label }));

  return (
    <Stack gap="md">
      <SpikeAlertsList canManage={canManage} />
      <Paper withBorder p="md" radius="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label="Measure"
            data={trendMeasures.map((m) => ({ value: m, label: trendMeasureLabels[m] }))}
            value={filter.measure}
            onChange={(v) => v && set({ measure: v as TrendMeasure })}
            allowDeselect={false}
            w={200}
          />
          <Select
            label="Split by"
            data={trendSplits.map((s) => ({
              value: s,
              label: splitLabels[s],
              disabled: filter.measure === 'nps' && s !== 'organization',
            }))}
            value={filter.split}
            onChange={(v) => v && set({ split: v as TrendSplit })}
            allowDeselect={false}
            w={200}
          />
          {filter.split === 'product' && (
            <Select
              label="Product field"
              placeholder={fieldOptions.length ? 'Pick a field' : 'No custom fields'}
              data={fieldOptions}
              value={filter.field ?? null}
              onChange={(v) => set({ field: v ?? undefined })}
              w={200}
            />
          )}
          <TextInput
            type="date"
            label="From"
            value={filter.from}
            onChange={(e) => e.currentTarget.value && set({ from: e.currentTarget.value })}
            w={160}
          />
          <TextInput
            type="date"
            label="To"
            value={filter.to}
            onChange={(e) => e.currentTarget.value && set({ to: e.currentTarget.value })}
            w={160}
          />
          <SegmentedControl
            aria-label="Grain"
            data={[
              { value: 'day', label: 'By day' },
              { value: 'week', label: 'By week' },
            ]}
            value={filter.grain}
            onChange={(v) => set({ grain: v as 'day' | 'week' })}
          />
        </Group>
      </Paper>
      {needsField ? (
        <EmptyState
          size="sm"
          title="Pick the product field"
          description="Choose the custom field that names the product."
        />
      ) : trend.isPending ? (
        <LoadingState variant="block" />
      ) : trend.isError ? (
        <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />
      ) : trend.data.keys.length === 0 ? (
        <EmptyState
          size="sm"
          title="Nothing in this period"
          description="No tickets or answers fall in these days. Try a longer period."
        />
      ) : (
        <SeriesChart
          title={`${trendMeasureLabels[trend.data.measure]} by ${trend.data.grain}, ${trend.data.period.from} to ${trend.data.period.to} (${trend.data.period.tz})`}
          bucketLabel={trend.data.grain === 'day' ? 'Day' : 'Week of'}
          keys={trend.data.keys}
          points={trend.data.points}
          format={formatOf(trend.data.measure)}
        />
      )}
      {canManage && <SpikeSettingsForm />}
    </Stack>
  );
}

/** The detector's threshold and minimum count (managers). */
function SpikeSettingsForm() {
  const settings = useSpikeSettings();
  const update = useUpdateSpikeSettings();
  const [draft, setDraft] = useState<{ threshold: number | string; minCount: number | string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (settings.isPending) return <LoadingState variant="block" />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const values = draft ?? settings.data;
  const save = () => {
    setError(null);
    if (typeof values.threshold !== 'number' || typeof values.minCount !== 'number') {
      setError('Give both numbers.');
      return;
    }
    update.mutate(
      { threshold: values.threshold, minCount: values.minCount },
      {
        onSuccess: () => {
          setDraft(null);
          notifySuccess('Spike alerts use the new threshold from the next run.', 'Setting saved');
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };
  return (
    <SectionCard
      title="Spike alert settings"
      description="An hour is a spike when it is this many spreads above the same weekday and hour of the last six weeks, and has at least the minimum count."
    >
      {error && (
        <Alert color="red" role="alert" title="Not saved">
          {error}
        </Alert>
      )}
      <Group align="flex-end" gap="sm">
        <NumberInput
          label="Threshold (robust z-score)"
          min={1}
          max={20}
          step={0.1}
          decimalScale={1}
          value={values.threshold}
          onChange={(v) => setDraft({ ...values, threshold: v })}
          w={200}
        />
        <NumberInput
          label="Minimum per hour"
          min={1}
          max={10000}
          allowDecimal={false}
          value={values.minCount}
          onChange={(v) => setDraft({ ...values, minCount: v })}
          w={160}
        />
        <Button onClick={save} loading={update.isPending} disabled={draft === null}>
          Save
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        Defaults: 3.2 and 5.
      </Text>
    </SectionCard>
  );
}
