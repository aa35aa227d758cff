// Spike alerts' SQL: the hourly series the detector reads (incoming tickets from the report
// aggregates, negative answers from the answers' category index), the tickets behind a spike
// hour, the alert rows and the runs' claims.
import { type Selectable, sql } from 'kysely';
import type { SpikeMeasure } from '../../../contracts/trends';
import type { DbOrTrx } from '../../db/database';
import type { SpikeAlertsTable } from '../../db/schema';
import { grainFor } from './reports.grains';

export type SpikeAlertRow = Selectable<SpikeAlertsTable>;

export interface HourCount {
  hour: string;
  categoryId: number;
  n: number;
}

export const spikesRepository = {
  /** Tickets opened per UTC hour and category in [from, until), from the aggregates. */
  async incomingByHour(db: DbOrTrx, from: string, until: string): Promise<HourCount[]> {
    const rows = await db
      .selectFrom('report_hours')
      .select(['hour', 'category_id'])
      .select((eb) => eb.fn.sum<number>('created').as('n'))
      .where('hour', '>=', from)
      .where('hour', '<', until)
      .where('grain', '=', grainFor(['categoryId']))
      .where('category_id', '<>', 0)
      .groupBy(['hour', 'category_id'])
      .execute();
    return rows.map((r) => ({ hour: r.hour, categoryId: r.category_id, n: Number(r.n ?? 0) }));
  },

  /** When each negative answer with a category in [from, until) came (one row per answer). */
  async negativeAnswers(db: DbOrTrx, from: string, until: string) {
    const rows = await db
      .selectFrom('survey_answers')
      .select(['answered_at', 'category_id'])
      .where('answered_at', '>=', from)
      .where('answered_at', '<', until)
      .where('positive', '=', 0)
      .where('category_id', 'is not', null)
      .execute();
    return rows.map((r) => ({ at: r.answered_at, categoryId: r.category_id ?? 0 }));
  },

  /** The tickets of a category behind a spike hour: opened in it, or answered negatively in it. */
  async ticketsIn(
    db: DbOrTrx,
    measure: SpikeMeasure,
    categoryId: number,
    from: string,
    until: string,
    limit: number,
  ): Promise<number[]> {
    const rows =
      measure === 'volume'
        ? await db
            .selectFrom('tickets')
            .select('id')
            .where('category_id', '=', categoryId)
            .where('created_at', '>=', from)
            .where('created_at', '<', until)
            .orderBy('created_at')
            .limit(limit)
            .execute()
        : await db
            .selectFrom('survey_answers')
            .select('ticket_id as id')
            .where('category_id', '=', categoryId)
            .where('answered_at', '>=', from)
            .where('answered_at', '<', until)
            .where('positive', '=', 0)
            .orderBy('answered_at')
            .limit(limit)
            .execute();
    return rows.map((r) => r.id);
  },

  categoryNames(db: DbOrTrx): Promise<{ id: number; name: string }[]> {
    return db.selectFrom('categories').select(['id', 'name']).execute();
  },

  unresolved(db: DbOrTrx): Promise<SpikeAlertRow[]> {
    return db.selectFrom('spike_alerts').selectAll().where('state', '<>', 'resolved').execute();
  },

  list(db: DbOrTrx, state: 'unresolved' | 'resolved' | 'all', limit: number): Promise<SpikeAlertRow[]> {
    let q = db.selectFrom('spike_alerts').selectAll();
    if (state === 'resolved') q = q.where('state', '=', 'resolved');
    if (state === 'unresolved') q = q.where('state', '<>', 'resolved');
    return q.orderBy('last_seen_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  },

  byId(db: DbOrTrx, id: number): Promise<SpikeAlertRow | undefined> {
    return db.selectFrom('spike_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(
    db: DbOrTrx,
    row: Omit<SpikeAlertRow, 'id' | 'acknowledged_by' | 'acknowledged_at' | 'resolved_at'>,
  ): Promise<number | null> {
    const inserted = await db
      .insertInto('spike_alerts')
      .values(row)
      .onConflict((oc) =>
        // The partial unique index's predicate, written as a literal so the database matches it.
        oc.columns(['category_id', 'measure']).where(sql.ref('state'), '<>', sql.lit('resolved')).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    return inserted?.id ?? null;
  },

  async extend(
    db: DbOrTrx,
    id: number,
    values: Pick<SpikeAlertRow, 'last_seen_at' | 'observed' | 'expected' | 'z' | 'ticket_ids' | 'updated_at'>,
  ) {
    await db.updateTable('spike_alerts').set(values).where('id', '=', id).execute();
  },

  async resolve(db: DbOrTrx, id: number, now: string) {
    await db
      .updateTable('spike_alerts')
      .set({ state: 'resolved', resolved_at: now, updated_at: now })
      .where('id', '=', id)
      .where('state', '<>', 'resolved')
      .execute();
  },

  async acknowledge(db: DbOrTrx, id: number, userId: number | null, now: string) {
    await db
      .updateTable('spike_alerts')
      .set({ state: 'acknowledged', acknowledged_by: userId, acknowledged_at: now, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'open')
      .execute();
  },

  /** Claims a run's slot; false when another node (or an earlier run) already has it. */
  async claimRun(db: DbOrTrx, slot: string, now: string): Promise<boolean> {
    const row = await db
      .insertInto('spike_runs')
      .values({ slot, ran_at: now })
      .onConflict((oc) => oc.column('slot').doNothing())
      .returning('slot')
      .executeTakeFirst();
    return row !== undefined;
  },

  /** Forgets claims older than `before` (they only matter for the slot they name). */
  async pruneRuns(db: DbOrTrx, before: string) {
    await db.deleteFrom('spike_runs').where('ran_at', '<', before).execute();
  },
};
