import type { Kysely } from 'kysely';
import type { Dialect, Migration } from './helpers';

/**
 * What a customer wants mailed about their requests: an agent's reply, a request solved. Both on
 * unless the customer turns them off in the portal; every reply still shows there.
 */
async function up(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema
    .alterTable('customers')
    .addColumn('mail_on_reply', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('customers')
    .addColumn('mail_on_solved', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

async function down(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema.alterTable('customers').dropColumn('mail_on_solved').execute();
  await db.schema.alterTable('customers').dropColumn('mail_on_reply').execute();
}

export const migration0031: Migration = { name: '0031_customer_mail_preferences', up, down };
