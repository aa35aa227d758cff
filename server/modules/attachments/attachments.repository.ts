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
      .select(['id', 'filename', 'content_type', 'storage_key'])
      .where('id', 'in', ids)
      .execute();
  },

  findById(db: DbOrTrx, id: number) {
    return db
      .selectFrom('attachments')
      .leftJoin('tickets', 'tickets.id', 'attachments.ticket_id')
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

  /** Binds uploaded attachments to a message; only unbound uploads of this ticket qualify. */
  /** Puts unsent files of the ticket on a message; a customer's message takes only their own uploads. */
  async bindToMessage(
    db: DbOrTrx,
    ticketId: number,
    messageId: number,
    ids: number[],
    uploadedByCustomerId: number | null = null,
  ): Promise<number> {
    if (ids.length === 0) return 0;
    let query = db
      .updateTable('attachments')
      .set({ message_id: messageId })
      .where('id', 'in', ids)
      .where('ticket_id', '=', ticketId)
      .where('message_id', 'is', null);
    if (uploadedByCustomerId !== null)
      query = query.where('uploaded_by_customer_id', '=', uploadedByCustomerId);
    const result = await query.executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** A customer's files waiting for a new request, uploaded since a time. */
  async waitingSince(db: DbOrTrx, customerId: number, since: string): Promise<number> {
    const row = await db
      .selectFrom('attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ticket_id', 'is', null)
      .where('uploaded_by_customer_id', '=', customerId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Puts a customer's files waiting for a new request on its first message; answers how many. */
  async takeForNewRequest(
    db: DbOrTrx,
    ids: number[],
    target: { customerId: number; ticketId: number; messageId: number },
  ): Promise<number> {
    if (ids.length === 0) return 0;
    const result = await db
      .updateTable('attachments')
      .set({ ticket_id: target.ticketId, message_id: target.messageId })
      .where('id', 'in', ids)
      .where('ticket_id', 'is', null)
      .where('uploaded_by_customer_id', '=', target.customerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  },

  /** A ticket merge moves the source ticket's files to the target. */
  async moveToTicket(db: DbOrTrx, fromId: number, toId: number) {
    await db.updateTable('attachments').set({ ticket_id: toId }).where('ticket_id', '=', fromId).execute();
  },
};
