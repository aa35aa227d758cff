import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { ReportSharesTable } from '../../db/schema';

export type ShareRow = Selectable<ReportSharesTable> & { created_by_name: string | null };

const withCreator = (db: DbOrTrx) =>
  db
    .selectFrom('report_shares as s')
    .leftJoin('users as u', 'u.id', 's.created_by')
    .selectAll('s')
    .select('u.name as created_by_name');

/** Share links of reports: kept by their token's hash only. */
export const sharesRepository = {
  async insert(db: DbOrTrx, values: Omit<Insertable<ReportSharesTable>, 'id'>): Promise<number> {
    const row = await db.insertInto('report_shares').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  find(db: DbOrTrx, id: number): Promise<ShareRow | undefined> {
    return withCreator(db).where('s.id', '=', id).executeTakeFirst();
  },

  byHash(db: DbOrTrx, tokenHash: string): Promise<ShareRow | undefined> {
    return withCreator(db).where('s.token_hash', '=', tokenHash).executeTakeFirst();
  },

  list(db: DbOrTrx, limit: number): Promise<ShareRow[]> {
    return withCreator(db).orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(limit).execute();
  },

  async revoke(db: DbOrTrx, id: number, at: string): Promise<void> {
    await db
      .updateTable('report_shares')
      .set({ revoked_at: at })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  },
};
