import { changedColumns } from '../../db/changes';
import type { DbOrTrx } from '../../db/database';
import type { CustomFieldsTable } from '../../db/schema';

export const ticketFieldsRepository = {
  categories(db: DbOrTrx) {
    return db.selectFrom('categories').selectAll().orderBy('position').orderBy('name').execute();
  },

  findCategory(db: DbOrTrx, id: number) {
    return db.selectFrom('categories').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async insertCategory(
    db: DbOrTrx,
    values: { name: string; parentId: number | null; position: number; now: string },
  ) {
    const row = await db
      .insertInto('categories')
      .values({
        name: values.name,
        parent_id: values.parentId,
        position: values.position,
        created_at: values.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  async updateCategory(
    db: DbOrTrx,
    id: number,
    values: { name?: string; parent_id?: number | null; position?: number; archived_at?: string | null },
  ) {
    const set = changedColumns(values);
    if (set) await db.updateTable('categories').set(set).where('id', '=', id).execute();
  },

  customFields(db: DbOrTrx) {
    return db.selectFrom('custom_fields').selectAll().orderBy('position').orderBy('id').execute();
  },

  findCustomField(db: DbOrTrx, id: number) {
    return db.selectFrom('custom_fields').selectAll().where('id', '=', id).executeTakeFirst();
  },

  findCustomFieldByKey(db: DbOrTrx, key: string) {
    return db.selectFrom('custom_fields').selectAll().where('key', '=', key).executeTakeFirst();
  },

  async insertCustomField(db: DbOrTrx, values: Omit<CustomFieldsTable, 'id' | 'archived_at'>) {
    const row = await db.insertInto('custom_fields').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async updateCustomField(
    db: DbOrTrx,
    id: number,
    values: Partial<Omit<CustomFieldsTable, 'id' | 'key' | 'type'>>,
  ) {
    const set = changedColumns(values);
    if (set) await db.updateTable('custom_fields').set(set).where('id', '=', id).execute();
  },
};

export type CategoryRow = Awaited<ReturnType<typeof ticketFieldsRepository.categories>>[number];
export type CustomFieldRow = Awaited<ReturnType<typeof ticketFieldsRepository.customFields>>[number];
