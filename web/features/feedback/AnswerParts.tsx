import { Badge, Button, Checkbox, Group, Menu, Paper, Select, Text, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconTags } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { type AnswerTheme, type SentimentLabel, sentimentLabels } from '../../../contracts/feedback';
import { notifyError } from '../../app/notify';
import { useThemes, useToggleAnswerTheme } from './feedback-loop.queries';

// What the feedback inbox's two lists (survey answers and NPS answers) share: the period and
// other filters kept in the address, the figure cards, and the theme chips with their menu.

export const periods = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: 'all', label: 'All time' },
];

const dayBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
const isSentiment = (value: string | null): value is SentimentLabel =>
  value !== null && (sentimentLabels as readonly string[]).includes(value);
/** A positive whole number from the address, or undefined. */
export const whole = (value: string | null) => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined);

/** The filters the address holds: shareable, and kept across a reload. */
export function useAddressFilter() {
  const [params, setParams] = useSearchParams();
  const period = periods.some((p) => p.value === params.get('period')) ? params.get('period')! : '30';
  const sentiment = params.get('sentiment');
  /** The filters both lists take: tone, theme, with a comment, and the period's first day. */
  const shared: {
    sentiment?: SentimentLabel;
    themeId?: number;
    withComment?: 'true';
    from?: string;
  } = {
    ...(isSentiment(sentiment) ? { sentiment } : {}),
    ...(whole(params.get('themeId')) ? { themeId: whole(params.get('themeId')) } : {}),
    ...(params.get('comment') === 'true' ? { withComment: 'true' as const } : {}),
    ...(period === 'all' ? {} : { from: dayBefore(Number(period)) }),
  };
  const update = (change: (next: URLSearchParams) => void) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      },
      { replace: true },
    );
  const set = (key: string, value: string | null) =>
    update((next) => {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    });
  /** Clears the filters, keeping the keys given (the survey chosen). */
  const clear = (keep: readonly string[] = []) =>
    update((next) => {
      for (const key of [...next.keys()]) if (!keep.includes(key)) next.delete(key);
    });
  return { params, period, shared, set, update, clear };
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

/** The themes of an answer as chips, and (for managers) a menu to tag or untag it. */
export function AnswerThemes({
  kind,
  answerId,
  themes: tags,
  canTag,
  about,
}: {
  kind: 'csat' | 'nps';
  answerId: number;
  themes: readonly AnswerTheme[];
  canTag: boolean;
  /** Which answer, for screen readers: "the answer about ticket #12". */
  about: string;
}) {
  const themes = useThemes(canTag);
  const toggle = useToggleAnswerTheme(kind);
  const tagged = new Set(tags.map((t) => t.id));
  return (
    <Group gap={4}>
      {tags.map((t) => (
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
              <VisuallyHidden> of {about}</VisuallyHidden>
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
                      { answerId, themeId: t.id, on: !tagged.has(t.id) },
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

/** The tone counts and the most used themes of a summary, each theme a filter to switch on and off. */
export function ToneAndThemes({
  summary,
  themeId,
  onTheme,
}: {
  summary: {
    answers: number;
    sentiments: { negative: number; neutral: number; positive: number };
    themes: readonly { id: number; name: string; count: number }[];
  };
  themeId: number | undefined;
  onTheme: (id: number | null) => void;
}) {
  if (summary.themes.length === 0 && summary.answers === 0) return null;
  return (
    <Group gap="xs" wrap="wrap">
      <Text fz="sm" c="dimmed">
        Tone: {summary.sentiments.negative} negative · {summary.sentiments.neutral} neutral ·{' '}
        {summary.sentiments.positive} positive
      </Text>
      {summary.themes.slice(0, 8).map((t) => (
        <Button
          key={t.id}
          size="compact-xs"
          variant={themeId === t.id ? 'filled' : 'light'}
          color="grape"
          onClick={() => onTheme(themeId === t.id ? null : t.id)}
          aria-pressed={themeId === t.id}
        >
          {t.name} · {t.count}
        </Button>
      ))}
    </Group>
  );
}

/** The filters both lists take: the period, the tone, a theme, and only answers with a comment. */
export function CommonFilters({ filter }: { filter: ReturnType<typeof useAddressFilter> }) {
  const themes = useThemes();
  const { shared, period, set } = filter;
  return (
    <>
      <Select
        aria-label="Period"
        data={periods}
        value={period}
        onChange={(value) => set('period', value === '30' ? null : value)}
        allowDeselect={false}
        w={150}
      />
      <Select
        aria-label="Tone"
        placeholder="Any tone"
        data={[
          { value: 'negative', label: 'Negative tone' },
          { value: 'neutral', label: 'Neutral tone' },
          { value: 'positive', label: 'Positive tone' },
        ]}
        value={shared.sentiment ?? null}
        onChange={(value) => set('sentiment', value)}
        clearable
        w={160}
      />
      <Select
        aria-label="Theme"
        placeholder="Every theme"
        data={(themes.data ?? []).map((t) => ({ value: String(t.id), label: t.name }))}
        value={shared.themeId ? String(shared.themeId) : null}
        onChange={(value) => set('themeId', value)}
        clearable
        w={160}
      />
      <Checkbox
        label="With a comment"
        checked={shared.withComment === 'true'}
        onChange={(event) => set('comment', event.currentTarget.checked ? 'true' : null)}
        mb={8}
      />
    </>
  );
}
