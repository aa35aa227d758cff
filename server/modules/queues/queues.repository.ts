import type { DbOrTrx } from '../../db/database';
import type { ViewsTable } from '../../db/schema';

type ViewValues = Pick<ViewsTable, 'name' | 'owner_id' | 'filters' | 'sort' | 'columns' | 'position'>;

export const queuesRepository = {
  /** Shared views and the user's own. */
  visibleTo(db: DbOrTrx, userId: number | null) {
    return db
      .selectFrom('views')
      .selectAll()
      .where((eb) => eb.or([eb('owner_id', 'is', null), ...(userId ? [eb('owner_id', '=', userId)] : [])]))
      .orderBy('position')
      .orderBy('id')
      .execute();
  },

  findById(db: DbOrTrx, id: number) {
    return db.selectFrom('views').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insert(db: DbOrTrx, values: ViewValues, now: string) {
    const row = await db
      .insertInto('views')
      .values({ ...values, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async update(db: DbOrTrx, id: number, values: Partial<ViewValues>, now: string) {
    await db
      .updateTable('views')
      .set({ ...values, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  async remove(db: DbOrTrx, id: number) {
    await db.deleteFrom('views').where('id', '=', id).execute();
  },
};

export type ViewRow = Awaited<ReturnType<typeof queuesRepository.visibleTo>>[number];
