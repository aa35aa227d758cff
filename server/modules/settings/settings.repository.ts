import type { DbOrTrx } from '../../db/database';

export const settingsRepository = {
  async get(db: DbOrTrx, key: string): Promise<string | undefined> {
    const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  },

  async set(db: DbOrTrx, key: string, value: string, now: string): Promise<void> {
    await db
      .insertInto('settings')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
  },
};
