import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../db/database';
import type { JobFailuresTable } from '../db/schema';

export type JobFailureRow = Selectable<JobFailuresTable>;

/** Items background jobs could not process (see job-failures.ts). */
export const jobFailuresRepository = {
  find(db: DbOrTrx, job: string, key: string) {
    return db
      .selectFrom('job_failures')
      .selectAll()
      .where('job', '=', job)
      .where('item_key', '=', key)
      .executeTakeFirst();
  },

  findById(db: DbOrTrx, id: number) {
    return db.selectFrom('job_failures').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: DbOrTrx, values: Omit<JobFailuresTable, 'id'>) {
    await db.insertInto('job_failures').values(values).execute();
  },

  async update(
    db: DbOrTrx,
    id: number,
    values: Pick<
      JobFailuresTable,
      'status' | 'attempts' | 'last_error' | 'next_attempt_at' | 'updated_at' | 'label'
    >,
  ) {
    await db.updateTable('job_failures').set(values).where('id', '=', id).execute();
  },

  /** Items of a job waiting for another attempt that is due now, oldest first. */
  due(db: DbOrTrx, job: string, now: string, limit: number) {
    return db
      .selectFrom('job_failures')
      .selectAll()
      .where('job', '=', job)
      .where('status', '=', 'retrying')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  /** Keys of a job's items that must not be tried now: dead, or waiting for their next attempt. */
  async heldKeys(db: DbOrTrx, job: string, now: string): Promise<Set<string>> {
    const rows = await db
      .selectFrom('job_failures')
      .select('item_key')
      .where('job', '=', job)
      .where((eb) => eb.or([eb('status', '=', 'dead'), eb('next_attempt_at', '>', now)]))
      .execute();
    return new Set(rows.map((r) => r.item_key));
  },

  async remove(db: DbOrTrx, job: string, key: string) {
    await db.deleteFrom('job_failures').where('job', '=', job).where('item_key', '=', key).execute();
  },

  async removeById(db: DbOrTrx, id: number): Promise<boolean> {
    const result = await db.deleteFrom('job_failures').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  },

  /** Newest first; `beforeId` pages. */
  list(db: DbOrTrx, filter: { status?: JobFailuresTable['status']; beforeId?: number }, limit: number) {
    let query = db.selectFrom('job_failures').selectAll();
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
    return query.orderBy('id', 'desc').limit(limit).execute();
  },

  async counts(db: DbOrTrx) {
    const rows = await db
      .selectFrom('job_failures')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('status')
      .execute();
    const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
    return { retrying: count('retrying'), dead: count('dead') };
  },
};
