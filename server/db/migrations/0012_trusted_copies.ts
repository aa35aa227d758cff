import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * Addresses an inbound mail puts in copy no longer join a ticket's copies on their own: a mail
 * from someone the ticket does not trust only suggests them, and an agent adds or dismisses
 * each suggestion. `suggested_cc` holds them as JSON: [{address, messageId, from, at}].
 */
async function up(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema
    .alterTable('ticket_mail')
    .addColumn('suggested_cc', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
}

async function down(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema.alterTable('ticket_mail').dropColumn('suggested_cc').execute();
}

export const migration0012: Migration = { name: '0012_trusted_copies', up, down };
