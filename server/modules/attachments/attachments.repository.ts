import type { DbOrTrx } from '../../db/database';
import type { AttachmentsTable } from '../../db/schema';

export const attachmentsRepository = {
  async insert(db: DbOrTrx, values: Omit<AttachmentsTable, 'id'>): Promise<number> {
    const row = await db.insertInto('attachments').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async customerIdOfUser(db: DbOrTrx, userId: number): Promise<number | null> {
    const row = await db
      .selectFrom('users')
      .select('customer_id')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.customer_id ?? null;
  },

  async requesterOf(db: DbOrTrx, ticketId: number): Promise<number | null> {
    const row = await db
      .selectFrom('tickets')
      .select('requester_id')
      .where('id', '=', ticketId)
      .executeTakeFirst();
    return row?.requester_id ?? null;
  },

  /** Where the files are on disk, to send them with a mail. */
  filesByIds(db: DbOrTrx, ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('attachments')
      .select(['filename', 'content_type', 'storage_key'])
      .where('id', 'in', ids)
      .execute();
  },

  findById(db: DbOrTrx, id: number) {
    return db
      .selectFrom('attachments')
      .innerJoin('tickets', 'tickets.id', 'attachments.ticket_id')
      .leftJoin('messages', 'messages.id', 'attachments.message_id')
      .select([
        'attachments.id',
        'attachments.ticket_id',
        'attachments.message_id',
        'attachments.filename',
        'attachments.content_type',
        'attachments.size',
        'attachments.storage_key',
        'attachments.uploaded_by_customer_id',
        'tickets.requester_id',
        'messages.kind as message_kind',
      ])
      .where('attachments.id', '=', id)
      .executeTakeFirst();
  },
};
