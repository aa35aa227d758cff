import { type Insertable, sql } from 'kysely';
import type { MessageRecipients } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { insertReturningId, pick } from '../../db/prepared';
import type { MessageKind, MessagesTable, TicketChannel } from '../../db/schema';
import type { StampedMessage } from './conversation.rules';

const insertColumns = [
  'ticket_id',
  'kind',
  'author_user_id',
  'author_customer_id',
  'channel',
  'body',
  'body_html',
  'meta',
  'recipients',
  'created_at',
] as const;
/** Every message and ticket runs it: built once (see server/db/prepared.ts). */
const insertQuery = insertReturningId(
  (db, p: Omit<Insertable<MessagesTable>, 'id'> & { meta: string; recipients: string | null }) =>
    db.insertInto('messages').values(pick(p, insertColumns)),
);

export const messagesRepository = {
  async insert(
    db: DbOrTrx,
    values: {
      ticketId: number;
      kind: MessageKind;
      authorUserId: number | null;
      authorCustomerId: number | null;
      channel: TicketChannel;
      body: string;
      html: string;
      meta: Record<string, unknown>;
      /** Who an agent's reply is written to. */
      recipients?: MessageRecipients | null;
      now: string;
    },
  ): Promise<number> {
    return insertQuery(db, {
      ticket_id: values.ticketId,
      kind: values.kind,
      author_user_id: values.authorUserId,
      author_customer_id: values.authorCustomerId,
      channel: values.channel,
      body: values.body,
      body_html: values.html,
      meta: JSON.stringify(values.meta),
      recipients: values.recipients ? JSON.stringify(values.recipients) : null,
      created_at: values.now,
    });
  },

  /** The conversation, oldest first; notes left out when `publicOnly`. */
  list(db: DbOrTrx, ticketId: number, publicOnly: boolean) {
    let q = db
      .selectFrom('messages')
      .leftJoin('users', 'users.id', 'messages.author_user_id')
      .leftJoin('customers', 'customers.id', 'messages.author_customer_id')
      .selectAll('messages')
      .select(['users.name as user_name', 'customers.name as customer_name'])
      .where('messages.ticket_id', '=', ticketId);
    if (publicOnly) q = q.where('messages.kind', '!=', 'note');
    return q.orderBy('messages.id').execute();
  },

  /** What each message of a ticket adds to the times kept from its conversation (see conversation.rules.ts). */
  async stampsOf(db: DbOrTrx, ticketId: number): Promise<StampedMessage[]> {
    const rows = await db
      .selectFrom('messages')
      .select([
        'kind',
        'created_at',
        sql<number>`case when meta like '%"automated":true%' then 1 else 0 end`.as('automatic'),
      ])
      .where('ticket_id', '=', ticketId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ kind: r.kind, createdAt: r.created_at, automatic: Number(r.automatic) === 1 }));
  },

  findById(db: DbOrTrx, id: number) {
    return db
      .selectFrom('messages')
      .leftJoin('users', 'users.id', 'messages.author_user_id')
      .leftJoin('customers', 'customers.id', 'messages.author_customer_id')
      .selectAll('messages')
      .select(['users.name as user_name', 'customers.name as customer_name'])
      .where('messages.id', '=', id)
      .executeTakeFirst();
  },

  async lastIdOf(db: DbOrTrx, ticketId: number): Promise<number | null> {
    const row = await db
      .selectFrom('messages')
      .select('id')
      .where('ticket_id', '=', ticketId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.id ?? null;
  },

  /** A mail's HTML once its inline pictures have addresses. */
  async setHtml(db: DbOrTrx, id: number, html: string, meta: Record<string, unknown>) {
    await db
      .updateTable('messages')
      .set({ body_html: html, meta: JSON.stringify(meta) })
      .where('id', '=', id)
      .execute();
  },

  attachmentsOf(db: DbOrTrx, messageIds: number[]) {
    if (messageIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('attachments')
      .select(['id', 'message_id', 'filename', 'content_type', 'size'])
      .where('message_id', 'in', messageIds)
      .orderBy('id')
      .execute();
  },
};

export type MessageRow = Awaited<ReturnType<typeof messagesRepository.list>>[number];
export type AttachmentRefRow = Awaited<ReturnType<typeof messagesRepository.attachmentsOf>>[number];
