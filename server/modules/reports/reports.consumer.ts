// The aggregates' consumer: new ticket and service-level events after the stored cursors are
// folded into the hourly figures, and the cursors moved, in ONE transaction, so every event
// counts exactly once. The cursor rows are locked for the batch (FOR UPDATE on PostgreSQL), so
// two nodes never apply the same batch; where ids can commit out of order (PostgreSQL) only
// events older than a settling lag are read, as the notification job does. Nothing here runs in
// the ticket's own write.
import type { Db, DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { loadCalendar, openTimeBetween } from '../business-hours';
import { allGrains, projectDeltas } from './reports.grains';
import { reportsRepository as repo } from './reports.repository';
import {
  type Deltas,
  emptyDeltas,
  type FoldEvent,
  foldEvents,
  mergeDeltas,
  normalised,
  type OpenTime,
  type TicketState,
} from './reports.rules';
import { foldTrendEvents, mergeTrendDeltas, type TrendDeltas, trendDifferences } from './trends.fold';
import { trendsRepository as trends } from './trends.repository';

export const REPORTS_JOB = 'report-aggregates';
const BATCH = 2000;

async function openTimeOf(db: DbOrTrx): Promise<OpenTime> {
  const calendar = await loadCalendar(db, null);
  return calendar ? (from, to) => (to <= from ? 0 : openTimeBetween(calendar, from, to)) : () => null;
}

/** The trend fold beside the report fold (trends.fold.ts): the same events and ticket states. */
async function trendDeltasOf(
  db: DbOrTrx,
  events: FoldEvent[],
  states: Map<number, TicketState>,
  created: number[],
): Promise<TrendDeltas> {
  const starts = await trends.trendStarts(db, created);
  return foldTrendEvents(events, states, (id) => starts.get(id), await trends.keptFields(db));
}

export interface FoldOptions {
  /** Events younger than this are left for the next run where ids commit out of order. */
  settleMs?: number;
  batch?: number;
}

/** Folds one batch of new events into the aggregates; returns how many events it folded. */
export async function foldNewEvents(db: Db, options: FoldOptions = {}): Promise<number> {
  const batch = options.batch ?? BATCH;
  const settleMs = options.settleMs ?? 2000;
  return db.transaction().execute(async (trx) => {
    const cursors = await repo.cursors(trx);
    const settledBefore = adapterOf(trx).idsCommitInOrder
      ? null
      : new Date(Date.now() - settleMs).toISOString();
    const ticketCeiling = await repo.newestTicketEvent(trx, settledBefore);
    const ticketEvents = await repo.ticketEventsAfter(trx, cursors.ticket, ticketCeiling, batch);
    const ticketsCaughtUp = ticketEvents.length < batch;
    // Service-level outcomes are folded once the ticket events are caught up, so an outcome
    // always finds its ticket and the changes (team, agent) made before it.
    const slaCeiling = ticketsCaughtUp ? await repo.newestSlaEvent(trx, settledBefore) : cursors.sla;
    const slaEvents = ticketsCaughtUp ? await repo.slaEventsAfter(trx, cursors.sla, slaCeiling, batch) : [];
    const count = ticketEvents.length + slaEvents.length;

    const ticketIds = [...new Set([...ticketEvents, ...slaEvents].map((e) => e.ticketId))];
    const states = await repo.states(trx, ticketIds);
    const created = ticketEvents.filter((e) => e.type === 'created').map((e) => e.ticketId);
    const initial = await repo.initialDims(trx, created);
    const deltas = foldEvents(
      [...ticketEvents, ...slaEvents],
      states,
      (id) => initial.get(id),
      await openTimeOf(trx),
    );
    await repo.applyDeltas(trx, deltas);
    await trends.applyDeltas(trx, await trendDeltasOf(trx, ticketEvents, states, created));
    await repo.saveStates(trx, states);

    const ticketCursor = ticketsCaughtUp
      ? Math.max(cursors.ticket, ticketCeiling)
      : (ticketEvents.at(-1)?.id ?? cursors.ticket);
    const slaAll = ticketsCaughtUp && slaEvents.length < batch;
    const slaCursor = slaAll ? Math.max(cursors.sla, slaCeiling) : (slaEvents.at(-1)?.id ?? cursors.sla);
    if (ticketCursor !== cursors.ticket || slaCursor !== cursors.sla)
      await repo.setCursors(trx, ticketCursor, slaCursor);
    return count;
  });
}

/** Folds batches until the aggregates have caught up with the settled events. */
export async function foldAllEvents(db: Db, options: FoldOptions = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await foldNewEvents(db, options);
    total += n;
    if (n === 0) return total;
  }
}

/** Empties the aggregates and folds every event again from the first one. */
export async function rebuildAggregates(db: Db, options: FoldOptions = {}): Promise<number> {
  await db.transaction().execute(async (trx) => {
    await repo.cursors(trx);
    await repo.clear(trx);
    await trends.clear(trx);
  });
  return foldAllEvents(db, options);
}

export interface AggregateDifference {
  key: string;
  stored: number;
  computed: number;
}

/**
 * Folds every event up to the stored cursors from scratch, in memory, and compares the figures
 * with the stored ones; returns the differences (none when the aggregates are right).
 */
export async function checkAggregates(db: Db): Promise<AggregateDifference[]> {
  return db.transaction().execute(async (trx) => {
    const cursors = await repo.cursors(trx);
    const states = new Map<number, TicketState>();
    const openTime = await openTimeOf(trx);
    const computed: Deltas = emptyDeltas();
    const computedTrends: TrendDeltas = new Map();
    const fold = async (events: FoldEvent[]) => {
      const created = events
        .filter((e) => e.source === 'ticket' && e.type === 'created')
        .map((e) => e.ticketId);
      const initial = await repo.initialDims(trx, created);
      mergeDeltas(
        computed,
        foldEvents(events, states, (id) => initial.get(id), openTime),
      );
      mergeTrendDeltas(computedTrends, await trendDeltasOf(trx, events, states, created));
    };
    for (let after = 0; ; ) {
      const events = await repo.ticketEventsAfter(trx, after, cursors.ticket, BATCH);
      if (events.length === 0) break;
      await fold(events);
      after = events.at(-1)?.id ?? after;
    }
    for (let after = 0; ; ) {
      const events = await repo.slaEventsAfter(trx, after, cursors.sla, BATCH);
      if (events.length === 0) break;
      await fold(events);
      after = events.at(-1)?.id ?? after;
    }
    const stored = await repo.stored(trx);
    return [
      ...allGrains.flatMap((grain) =>
        differences(
          normalised(stored.get(grain) ?? emptyDeltas()),
          normalised(projectDeltas(computed, grain)),
        ).map((d) => ({ ...d, key: `${grain}#${d.key}` })),
      ),
      ...trendDifferences(await trends.stored(trx), computedTrends),
    ];
  });
}

/** Every figure that differs between two sets (a missing entry reads as 0). */
export function differences(stored: Deltas, computed: Deltas): AggregateDifference[] {
  const out: AggregateDifference[] = [];
  const keys = new Set([...stored.counters.keys(), ...computed.counters.keys()]);
  for (const key of keys) {
    const a = stored.counters.get(key) ?? {};
    const b = computed.counters.get(key) ?? {};
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof typeof a>) {
      const s = a[name] ?? 0;
      const c = b[name] ?? 0;
      if (s !== c) out.push({ key: `${key}#${name}`, stored: s, computed: c });
    }
  }
  for (const key of new Set([...stored.durations.keys(), ...computed.durations.keys()])) {
    const s = stored.durations.get(key) ?? 0;
    const c = computed.durations.get(key) ?? 0;
    if (s !== c) out.push({ key, stored: s, computed: c });
  }
  for (const key of new Set([...stored.activity.keys(), ...computed.activity.keys()])) {
    const a = stored.activity.get(key);
    const b = computed.activity.get(key);
    for (const name of ['replies', 'solved', 'touches', 'minutes'] as const) {
      const s = a?.[name] ?? 0;
      const c = b?.[name] ?? 0;
      if (s !== c) out.push({ key: `${key}#${name}`, stored: s, computed: c });
    }
  }
  return out;
}
