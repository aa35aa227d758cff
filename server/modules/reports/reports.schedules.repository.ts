import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { ReportScheduleRunsTable, ReportSchedulesTable } from '../../db/schema';

export type ScheduleRow = Selectable<ReportSchedulesTable>;
export type RunRow = Selectable<ReportScheduleRunsTable>;

/** Scheduled reports and their runs; the unique (schedule, period) run row is a period's claim. */
export const schedulesRepository = {
  async insert(db: DbOrTrx, values: Omit<Insertable<ReportSchedulesTable>, 'id'>): Promise<number> {
    const row = await db
      .insertInto('report_schedules')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: DbOrTrx, id: number, values: Updateable<ReportSchedulesTable>): Promise<void> {
    await db.updateTable('report_schedules').set(values).where('id', '=', id).execute();
  },

  async remove(db: DbOrTrx, id: number): Promise<void> {
    await db.deleteFrom('report_schedules').where('id', '=', id).execute();
  },

  find(db: DbOrTrx, id: number): Promise<ScheduleRow | undefined> {
    return db.selectFrom('report_schedules').selectAll().where('id', '=', id).executeTakeFirst();
  },

  list(db: DbOrTrx): Promise<ScheduleRow[]> {
    return db.selectFrom('report_schedules').selectAll().orderBy('name').orderBy('id').limit(500).execute();
  },

  /** Active schedules whose next send is due. */
  due(db: DbOrTrx, now: string, limit: number): Promise<ScheduleRow[]> {
    return db
      .selectFrom('report_schedules')
      .selectAll()
      .where('active', '=', 1)
      .where('next_run_at', '<=', now)
      .orderBy('next_run_at')
      .limit(limit)
      .execute();
  },

  /** Moves the next send on, only from the value read (a second node's move is not repeated). */
  async advance(db: DbOrTrx, id: number, from: string, to: string): Promise<void> {
    await db
      .updateTable('report_schedules')
      .set({ next_run_at: to })
      .where('id', '=', id)
      .where('next_run_at', '=', from)
      .execute();
  },

  /** The claim: a run row for (schedule, period); undefined when another run already holds it. */
  async claim(
    db: DbOrTrx,
    values: Omit<Insertable<ReportScheduleRunsTable>, 'id'>,
  ): Promise<number | undefined> {
    const row = await db
      .insertInto('report_schedule_runs')
      .values(values)
      .onConflict((oc) => oc.columns(['schedule_id', 'period_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id;
  },

  findRun(db: DbOrTrx, id: number): Promise<RunRow | undefined> {
    return db.selectFrom('report_schedule_runs').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Failed runs whose retry is due. */
  dueRetries(db: DbOrTrx, now: string, limit: number): Promise<RunRow[]> {
    return db
      .selectFrom('report_schedule_runs')
      .selectAll()
      .where('status', '=', 'failed')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
  },

  /** Takes a failed run back for a retry; false when another node took it first. */
  async retake(db: DbOrTrx, run: RunRow): Promise<boolean> {
    const res = await db
      .updateTable('report_schedule_runs')
      .set({ status: 'sending', next_attempt_at: null })
      .where('id', '=', run.id)
      .where('status', '=', 'failed')
      .where('attempts', '=', run.attempts)
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  },

  async finishRun(db: DbOrTrx, id: number, values: Updateable<ReportScheduleRunsTable>): Promise<void> {
    await db.updateTable('report_schedule_runs').set(values).where('id', '=', id).execute();
  },

  runs(db: DbOrTrx, scheduleId: number, limit: number): Promise<RunRow[]> {
    return db
      .selectFrom('report_schedule_runs')
      .selectAll()
      .where('schedule_id', '=', scheduleId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Each schedule's newest run. */
  async lastRuns(db: DbOrTrx, scheduleIds: number[]): Promise<Map<number, RunRow>> {
    if (scheduleIds.length === 0) return new Map();
    const rows = await db
      .selectFrom('report_schedule_runs')
      .selectAll()
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('report_schedule_runs')
          .select((e) => e.fn.max('id').as('id'))
          .where('schedule_id', 'in', scheduleIds)
          .groupBy('schedule_id'),
      )
      .execute();
    return new Map(rows.map((r) => [r.schedule_id, r]));
  },

  /** Active staff users among `ids`, with their address. */
  staffUsers(db: DbOrTrx, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select(['id', 'name', 'email'])
      .where('id', 'in', ids)
      .where('role', 'in', ['admin', 'manager', 'agent'])
      .where('deactivated_at', 'is', null)
      .execute();
  },
};
