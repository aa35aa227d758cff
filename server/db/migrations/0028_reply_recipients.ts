import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * An agent's reply keeps who it was written to: `messages.recipients` holds JSON
 * {to, cc, bcc} (null for every other message, and for replies stored before), and the mail
 * that carries it may have hidden copies (`mail_outbox.bcc`, a JSON array like `cc`).
 */
async function up(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema.alterTable('messages').addColumn('recipients', 'text').execute();
  await db.schema.alterTable('mail_outbox').addColumn('bcc', 'text').execute();
}

async function down(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema.alterTable('mail_outbox').dropColumn('bcc').execute();
  await db.schema.alterTable('messages').dropColumn('recipients').execute();
}

export const migration0028: Migration = { name: '0028_reply_recipients', up, down };
