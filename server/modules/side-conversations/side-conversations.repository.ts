import type { Insertable, Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import type { SideConversationMessagesTable, SideConversationsTable } from '../../db/schema';

export type SideConversationRow = Selectable<SideConversationsTable>;
export type SideMessageRow = Selectable<SideConversationMessagesTable>;

/** Side conversations of tickets and their messages (in and out). */
export const sideConversationsRepository = {
  async insert(db: DbOrTrx, values: Insertable<SideConversationsTable>): Promise<number> {
    const row = await db
      .insertInto('side_conversations')
      .values(values)
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },

  findById(db: DbOrTrx, id: number) {
    return db.selectFrom('side_conversations').selectAll().where('id', '=', id).executeTakeFirst();
  },

  listOfTicket(db: DbOrTrx, ticketId: number) {
    return db
      .selectFrom('side_conversations')
      .selectAll()
      .where('ticket_id', '=', ticketId)
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(100)
      .execute();
  },

  messagesOf(db: DbOrTrx, conversationIds: number[]) {
    if (conversationIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('side_conversation_messages')
      .selectAll()
      .where('side_conversation_id', 'in', conversationIds)
      .orderBy('id', 'asc')
      .execute();
  },

  /** The conversation's Message-IDs, oldest first (the newest 20), for In-Reply-To and References. */
  async threadIds(db: DbOrTrx, conversationId: number): Promise<string[]> {
    const rows = await db
      .selectFrom('side_conversation_messages')
      .select('message_id')
      .where('side_conversation_id', '=', conversationId)
      .orderBy('id', 'desc')
      .limit(20)
      .execute();
    return rows.map((r) => r.message_id).reverse();
  },

  /** The side conversation one of these Message-IDs belongs to (the first id given that we know). */
  async conversationOfMessageIds(db: DbOrTrx, ids: string[]): Promise<SideConversationRow | undefined> {
    if (ids.length === 0) return undefined;
    const rows = await db
      .selectFrom('side_conversation_messages')
      .select(['message_id', 'side_conversation_id'])
      .where('message_id', 'in', ids.slice(0, 100))
      .execute();
    const byId = new Map(rows.map((r) => [r.message_id, r.side_conversation_id]));
    for (const id of ids) {
      const conversation = byId.get(id);
      if (conversation !== undefined) return this.findById(db, conversation);
    }
    return undefined;
  },

  /** Adds a message; false when its Message-ID is already known (the same mail twice). */
  async insertMessage(db: DbOrTrx, values: Insertable<SideConversationMessagesTable>): Promise<boolean> {
    const inserted = await db
      .insertInto('side_conversation_messages')
      .values(values)
      .onConflict((oc) => oc.column('message_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return false;
    await db
      .updateTable('side_conversations')
      .set({ updated_at: values.created_at })
      .where('id', '=', values.side_conversation_id)
      .execute();
    return true;
  },
};
