import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration } from './helpers';

/**
 * Who is writing a reply to which ticket: one row per agent and ticket, kept while the agent's
 * browser says so again before `expires_at` (about every 15 seconds, holding 30). In the
 * database, not in a node's memory, so every node behind a load balancer sees the same.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('ticket_replying')
    .addColumn('ticket_id', 'integer', (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('ticket_replying_pk', ['ticket_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('ticket_replying_expires_idx')
    .on('ticket_replying')
    .column('expires_at')
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropTable('ticket_replying').ifExists().execute();
}

export const migration0029: Migration = { name: '0029_replying', up, down };
