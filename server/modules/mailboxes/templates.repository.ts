import type { DbOrTrx } from '../../db/database';
import type { MailTemplatesTable } from '../../db/schema';

/** Edited templates; a key without a row reads as its default. */
export const templatesRepository = {
  list(db: DbOrTrx) {
    return db.selectFrom('mail_templates').selectAll().execute();
  },

  find(db: DbOrTrx, key: string) {
    return db.selectFrom('mail_templates').selectAll().where('key', '=', key).executeTakeFirst();
  },

  async save(db: DbOrTrx, row: MailTemplatesTable) {
    await db
      .insertInto('mail_templates')
      .values(row)
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          subject: row.subject,
          body: row.body,
          enabled: row.enabled,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },

  async remove(db: DbOrTrx, key: string) {
    await db.deleteFrom('mail_templates').where('key', '=', key).execute();
  },
};
