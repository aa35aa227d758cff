// The spike job: every ten minutes (one node per slot), each category's incoming tickets and
// negative answers per hour are judged against the same weekday and hour of the weeks before
// (feedback's detector); a spike opens an alert (managers are told once) or extends the open
// one, and an alert resolves after a few normal hours in a row.
import { type SpikeMeasure, spikeMeasures } from '../../../contracts/trends';
import type { Db, DbOrTrx } from '../../db/database';
import { defaultSpikeSettings, type SpikeSettings } from '../feedback';
import { notifyUsers } from '../notifications';
import { readSetting } from '../settings';
import { activeManagerIds } from '../users';
import { spikesRepository as repo, type SpikeAlertRow } from './spikes.repository';
import {
  HOUR,
  judgeRecent,
  MAX_TICKETS,
  mergeIds,
  seriesByCategory,
  seriesWindow,
  spikeTitle,
  stepOf,
} from './spikes.rules';

export const SPIKES_JOB = 'spike-alerts';
export const SPIKES_EVERY_MS = 10 * 60_000;
export const SPIKE_SETTINGS_KEY = 'spike_alerts';

/** The managers' threshold and minimum count over the detector's defaults. */
export async function loadSpikeSettings(db: DbOrTrx): Promise<SpikeSettings> {
  const raw = await readSetting(db, SPIKE_SETTINGS_KEY);
  const stored = raw ? (JSON.parse(raw) as Partial<SpikeSettings>) : {};
  return {
    ...defaultSpikeSettings,
    ...(typeof stored.threshold === 'number' ? { threshold: stored.threshold } : {}),
    ...(typeof stored.minCount === 'number' ? { minCount: stored.minCount } : {}),
  };
}

/** Each category's hourly series of one measure over the window. */
async function seriesOf(db: DbOrTrx, measure: SpikeMeasure, start: number, length: number, until: number) {
  const from = new Date(start).toISOString();
  const to = new Date(until).toISOString();
  const counts =
    measure === 'volume'
      ? (await repo.incomingByHour(db, from, to)).map((r) => ({
          at: Date.parse(r.hour),
          categoryId: r.categoryId,
          n: r.n,
        }))
      : (await repo.negativeAnswers(db, from, to)).map((r) => ({
          at: Date.parse(r.at),
          categoryId: r.categoryId,
          n: 1,
        }));
  return seriesByCategory(counts, start, length);
}

async function ticketsOfHours(db: DbOrTrx, measure: SpikeMeasure, categoryId: number, hours: number[]) {
  let ids: number[] = [];
  for (const at of hours) {
    if (ids.length >= MAX_TICKETS) break;
    const found = await repo.ticketsIn(
      db,
      measure,
      categoryId,
      new Date(at).toISOString(),
      new Date(at + HOUR).toISOString(),
      MAX_TICKETS - ids.length,
    );
    ids = mergeIds(ids, found);
  }
  return ids;
}

export interface SpikeRunResult {
  ran: boolean;
  opened: number;
  extended: number;
  resolved: number;
}

/**
 * One detection run over every category and both measures at `now`. With `claim`, the run first
 * claims its ten-minute slot and does nothing when another node has it. Each category's change
 * is written in its own transaction; opening an alert notifies the active managers with it.
 */
export async function runSpikeDetection(
  db: Db,
  options: { now?: number; claim?: boolean } = {},
): Promise<SpikeRunResult> {
  const now = options.now ?? Date.now();
  const result: SpikeRunResult = { ran: false, opened: 0, extended: 0, resolved: 0 };
  if (options.claim) {
    const slot = new Date(Math.floor(now / SPIKES_EVERY_MS) * SPIKES_EVERY_MS).toISOString();
    if (!(await repo.claimRun(db, slot, new Date(now).toISOString()))) return result;
    await repo.pruneRuns(db, new Date(now - 24 * HOUR).toISOString());
  }
  result.ran = true;
  const settings = await loadSpikeSettings(db);
  const window = seriesWindow(now, settings.weeks);
  const names = new Map((await repo.categoryNames(db)).map((c) => [c.id, c.name]));
  const open = await repo.unresolved(db);
  const at = new Date(now).toISOString();
  for (const measure of spikeMeasures) {
    const series = await seriesOf(db, measure, window.start, window.length, window.until);
    const alerts = new Map(open.filter((a) => a.measure === measure).map((a) => [a.category_id, a]));
    for (const categoryId of new Set([...series.keys(), ...alerts.keys()])) {
      if (!names.has(categoryId)) continue;
      const verdicts = judgeRecent(series.get(categoryId) ?? [], window.start, settings);
      const alert = alerts.get(categoryId) ?? null;
      const step = stepOf(verdicts, alert && { lastSeenAt: Date.parse(alert.last_seen_at) }, window.current);
      if (step.kind === 'none') continue;
      if (step.kind === 'resolve') {
        if (alert) await repo.resolve(db, alert.id, at);
        result.resolved++;
        continue;
      }
      const latest = step.spikes.at(-1)!;
      const ids = await ticketsOfHours(
        db,
        measure,
        categoryId,
        step.spikes.map((s) => s.at),
      );
      const figures = {
        last_seen_at: new Date(latest.at).toISOString(),
        observed: latest.count,
        expected: latest.expected,
        z: Math.round((latest.score ?? 0) * 100) / 100,
        updated_at: at,
      };
      if (alert) {
        await repo.extend(db, alert.id, {
          ...figures,
          ticket_ids: JSON.stringify(mergeIds(JSON.parse(alert.ticket_ids) as number[], ids)),
        });
        result.extended++;
      } else if (
        await openAlert(
          db,
          measure,
          categoryId,
          names.get(categoryId) ?? '',
          step.spikes[0]!.at,
          figures,
          ids,
          at,
        )
      )
        result.opened++;
    }
  }
  return result;
}

/** Inserts an alert and tells the managers, in one transaction (nothing when a row was there already). */
async function openAlert(
  db: Db,
  measure: SpikeMeasure,
  categoryId: number,
  name: string,
  startedAt: number,
  figures: Pick<SpikeAlertRow, 'last_seen_at' | 'observed' | 'expected' | 'z' | 'updated_at'>,
  ticketIds: number[],
  now: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const id = await repo.insert(trx, {
      ...figures,
      category_id: categoryId,
      measure,
      state: 'open',
      started_at: new Date(startedAt).toISOString(),
      ticket_ids: JSON.stringify(ticketIds),
      created_at: now,
    });
    if (id === null) return false;
    await notifyUsers(trx, await activeManagerIds(trx), {
      kind: 'spike_alert',
      ticketId: null,
      messageId: null,
      actorName: 'Steward',
      detail: spikeTitle(name, measure, figures.observed, figures.expected),
      now,
    });
    return true;
  });
}
