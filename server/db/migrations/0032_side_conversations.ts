import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Side conversations: mail between agents and a third party (a supplier, another department)
 * about a ticket. Kept apart from the ticket's messages, so the customer never sees them; each
 * message keeps its Message-ID, so the third party's replies thread back to the conversation.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await withId(db.schema.createTable('side_conversations'), dialect)
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('created_by_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('side_conversations_ticket_idx')
    .on('side_conversations')
    .columns(['ticket_id', 'updated_at'])
    .execute();
  await withId(db.schema.createTable('side_conversation_messages'), dialect)
    .addColumn('side_conversation_id', 'integer', (c) =>
      c.notNull().references('side_conversations.id').onDelete('cascade'),
    )
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('from_address', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('outbox_id', 'integer')
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('side_conversation_messages_conversation_idx')
    .on('side_conversation_messages')
    .columns(['side_conversation_id', 'id'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('side_conversation_messages').ifExists().execute();
  await db.schema.dropTable('side_conversations').ifExists().execute();
}

export const migration0032: Migration = { name: '0032_side_conversations', up, down };
