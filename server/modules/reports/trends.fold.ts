// The trend charts' fold, pure: ticket events in, deltas of `report_dimension_hours` out. A
// ticket counts in the hour it was opened under each of its tags and under its value of each
// dropdown custom field; a survey answer counts in the hour it was given under the ticket's
// category and organisation at the time and its tags and field values now. When tags or a
// field change, what the ticket (and its answers) added moves from the old value to the new.
// Every ticket and answer also counts once under `all`, the whole of its hour.
// The consumer, the rebuild and the check all run this one function beside the report fold.
import { type SurveyAnsweredEvent, surveyAnsweredEvent } from '../../../contracts/trends';
import { type AnswerMark, type FoldEvent, hourOf, type TrendState } from './reports.rules';

export const TREND_COUNTERS = ['created', 'answers', 'positive', 'effort_sum', 'effort_n'] as const;
export type TrendCounter = (typeof TREND_COUNTERS)[number];
export type TrendCounts = Partial<Record<TrendCounter, number>>;

/** The dimension every ticket and answer counts in once (value ''): the whole of an hour. */
export const ALL = 'all';

/** The dimension of a custom field's values. */
export const fieldDimension = (key: string) => `field:${key}`;

/** A custom field's value as a series value: text of a string, number or true; '' when empty. */
export function productValue(value: unknown): string {
  if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 80);
  if (typeof value === 'number' || value === true) return String(value);
  return '';
}

/** A ticket's tags and field values when it was opened. */
export interface TrendStart {
  tags: string[];
  fields: Record<string, string>;
}

/** key: JSON [dimension, hour, value] -> counter deltas */
export type TrendDeltas = Map<string, TrendCounts>;

export const trendKey = (dimension: string, hour: string, value: string) =>
  JSON.stringify([dimension, hour, value]);

export function parseTrendKey(key: string): { dimension: string; hour: string; value: string } {
  const [dimension = '', hour = '', value = ''] = JSON.parse(key) as string[];
  return { dimension, hour, value };
}

function bump(deltas: TrendDeltas, dimension: string, hour: string, value: string, counts: TrendCounts) {
  const k = trendKey(dimension, hour, value);
  const row = deltas.get(k) ?? {};
  for (const [name, n] of Object.entries(counts) as [TrendCounter, number][])
    row[name] = (row[name] ?? 0) + n;
  deltas.set(k, row);
}

const times = (counts: TrendCounts, sign: number): TrendCounts =>
  Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, n * sign]));

const answerCounts = (a: AnswerMark): TrendCounts => ({
  answers: 1,
  positive: a.positive,
  effort_sum: a.effort ?? 0,
  effort_n: a.effort === null ? 0 : 1,
});

const idValue = (id: number | null) => (id ? String(id) : '');
/** The tags as series values: each tag, or '' (no tag) for none. */
const tagValues = (tags: readonly string[]) => (tags.length > 0 ? tags : ['']);

/** What a ticket adds for its tags and fields: its opening and each answer (sign -1 takes it back). */
function addTags(deltas: TrendDeltas, s: TrendState, tags: readonly string[], sign: number) {
  for (const tag of tagValues(tags)) {
    bump(deltas, 'tag', s.hour, tag, { created: sign });
    for (const a of Object.values(s.answers)) bump(deltas, 'tag', a.hour, tag, times(answerCounts(a), sign));
  }
}

function addField(deltas: TrendDeltas, s: TrendState, key: string, value: string, sign: number) {
  if (value === '') return;
  bump(deltas, fieldDimension(key), s.hour, value, { created: sign });
  for (const a of Object.values(s.answers))
    bump(deltas, fieldDimension(key), a.hour, value, times(answerCounts(a), sign));
}

function addAnswer(deltas: TrendDeltas, s: TrendState, a: AnswerMark, sign: number) {
  const counts = times(answerCounts(a), sign);
  bump(deltas, ALL, a.hour, '', counts);
  bump(deltas, 'category', a.hour, idValue(a.categoryId), counts);
  bump(deltas, 'organization', a.hour, idValue(a.organizationId), counts);
  for (const tag of tagValues(s.tags)) bump(deltas, 'tag', a.hour, tag, counts);
  for (const [key, value] of Object.entries(s.fields))
    bump(deltas, fieldDimension(key), a.hour, value, counts);
}

function parsed<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

const tagList = (text: string | null) => {
  const list = parsed<unknown>(text, []);
  return Array.isArray(list)
    ? [...new Set(list.filter((t): t is string => typeof t === 'string'))].sort()
    : [];
};

/**
 * Folds ticket events (in order) into trend deltas. `states` holds each ticket's trend state
 * (created here on its `created` event); `start` gives a new ticket's tags and dropdown values,
 * `kept` says which custom fields are dropdowns (the only fields kept).
 */
export function foldTrendEvents(
  events: readonly FoldEvent[],
  states: Map<number, { trend?: TrendState }>,
  start: (ticketId: number) => TrendStart | undefined,
  kept: ReadonlySet<string>,
  deltas: TrendDeltas = new Map(),
): TrendDeltas {
  for (const e of events) {
    if (e.source !== 'ticket') continue;
    const holder = states.get(e.ticketId);
    if (!holder) continue;
    if (e.type === 'created') {
      const first = start(e.ticketId);
      if (!first || holder.trend) continue;
      const s: TrendState = { hour: hourOf(Date.parse(e.at)), tags: first.tags, fields: {}, answers: {} };
      for (const [key, value] of Object.entries(first.fields))
        if (kept.has(key) && value !== '') s.fields[key] = value;
      holder.trend = s;
      bump(deltas, ALL, s.hour, '', { created: 1 });
      addTags(deltas, s, s.tags, 1);
      for (const [key, value] of Object.entries(s.fields)) addField(deltas, s, key, value, 1);
      continue;
    }
    const s = holder.trend;
    if (!s) continue;
    switch (e.type) {
      case 'tags_changed': {
        const tags = tagList(e.toValue);
        addTags(deltas, s, s.tags, -1);
        addTags(deltas, s, tags, 1);
        s.tags = tags;
        break;
      }
      case 'custom_fields_changed': {
        for (const [key, raw] of Object.entries(parsed<Record<string, unknown>>(e.toValue, {}))) {
          if (!kept.has(key)) continue;
          const before = s.fields[key] ?? '';
          const after = productValue(raw);
          if (before === after) continue;
          addField(deltas, s, key, before, -1);
          addField(deltas, s, key, after, 1);
          if (after === '') delete s.fields[key];
          else s.fields[key] = after;
        }
        break;
      }
      case 'survey_answered': {
        const answer = surveyAnsweredEvent.safeParse(parsed<unknown>(e.toValue, null));
        if (!answer.success) break;
        const a: SurveyAnsweredEvent = answer.data;
        const id = String(a.id);
        const before = s.answers[id];
        if (before) addAnswer(deltas, s, before, -1);
        const mark: AnswerMark = {
          hour: hourOf(Date.parse(a.at)),
          positive: a.positive,
          effort: a.effort,
          categoryId: a.categoryId,
          organizationId: a.organizationId,
        };
        s.answers[id] = mark;
        addAnswer(deltas, s, mark, 1);
        break;
      }
      default:
        break;
    }
  }
  return deltas;
}

/** Adds `more` into `into`. */
export function mergeTrendDeltas(into: TrendDeltas, more: TrendDeltas): TrendDeltas {
  for (const [k, row] of more) {
    const target = into.get(k) ?? {};
    for (const [name, n] of Object.entries(row) as [TrendCounter, number][])
      target[name] = (target[name] ?? 0) + n;
    into.set(k, target);
  }
  return into;
}

/** Every figure that differs between two sets (a missing entry reads as 0). */
export function trendDifferences(stored: TrendDeltas, computed: TrendDeltas) {
  const out: { key: string; stored: number; computed: number }[] = [];
  for (const key of new Set([...stored.keys(), ...computed.keys()])) {
    const a = stored.get(key) ?? {};
    const b = computed.get(key) ?? {};
    for (const name of TREND_COUNTERS) {
      const s = a[name] ?? 0;
      const c = b[name] ?? 0;
      if (s !== c) out.push({ key: `trend${key}#${name}`, stored: s, computed: c });
    }
  }
  return out;
}
