import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, type Migration, withId } from './helpers';

/**
 * Testimonials and referrals. A testimonial request is one row per promoter answer (unique by
 * source kind and id: asked at most once per answer), scheduled with the answer and sent by a job;
 * its link token kept only as a hash; the consent (wording shown, display name chosen, time) kept
 * beside it. A referral links a referrer and the customer they sent (one referral per referred
 * customer), with the referred customer's first ticket and the reward state's history. NPS answers
 * get an index by answer time for the feedback inbox.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('testimonial_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('subject', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('consent_wording', 'text', (c) => c.notNull())
    .addColumn('cap_days', 'integer', (c) => c.notNull())
    .addColumn('link_days', 'integer', (c) => c.notNull())
    .addColumn('delay_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await withId(db.schema.createTable('testimonials'), dialect)
    .addColumn('source_kind', 'varchar(8)', (c) => c.notNull())
    .addColumn('source_id', 'integer', (c) => c.notNull())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('organization_id', 'integer', (c) => c.references('organizations.id').onDelete('set null'))
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('due_at', t.timestamp, (c) => c.notNull())
    .addColumn('token_hash', 'varchar(64)', (c) => c.unique())
    .addColumn('requested_at', t.timestamp)
    .addColumn('expires_at', t.timestamp)
    .addColumn('consent_wording', 'text')
    .addColumn('display_as', 'varchar(12)')
    .addColumn('display_name', 'varchar(200)')
    .addColumn('display_organization', 'varchar(200)')
    .addColumn('consented_at', t.timestamp)
    .addColumn('declined_at', t.timestamp)
    .addColumn('withdrawn_at', t.timestamp)
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('testimonials_once', ['source_kind', 'source_id'])
    .execute();
  await db.schema
    .createIndex('testimonials_due_idx')
    .on('testimonials')
    .columns(['state', 'due_at'])
    .execute();
  await db.schema
    .createIndex('testimonials_customer_idx')
    .on('testimonials')
    .columns(['customer_id', 'requested_at'])
    .execute();
  await db.schema
    .createIndex('testimonials_list_idx')
    .on('testimonials')
    .columns(['state', 'created_at'])
    .execute();
  await withId(db.schema.createTable('referrals'), dialect)
    .addColumn('referrer_id', 'integer', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('referred_id', 'integer', (c) =>
      c.notNull().unique().references('customers.id').onDelete('cascade'),
    )
    .addColumn('source', 'varchar(12)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id').onDelete('set null'))
    .addColumn('order_ref', 'varchar(80)', (c) => c.notNull())
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('state_changed_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('referrals_referrer_idx')
    .on('referrals')
    .columns(['referrer_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('referrals_state_idx')
    .on('referrals')
    .columns(['state', 'created_at'])
    .execute();
  await withId(db.schema.createTable('referral_events'), dialect)
    .addColumn('referral_id', 'integer', (c) => c.notNull().references('referrals.id').onDelete('cascade'))
    .addColumn('from_state', 'varchar(12)')
    .addColumn('to_state', 'varchar(12)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('referral_events_referral_idx')
    .on('referral_events')
    .columns(['referral_id', 'at'])
    .execute();
  await db.schema
    .createIndex('nps_recipients_answered_at_idx')
    .on('nps_recipients')
    .columns(['answered_at'])
    .execute();
}

async function down(db: Kysely<unknown>) {
  await db.schema.dropIndex('nps_recipients_answered_at_idx').ifExists().execute();
  for (const table of ['referral_events', 'referrals', 'testimonials', 'testimonial_settings'])
    await db.schema.dropTable(table).ifExists().execute();
}

export const migration0041: Migration = { name: '0041_testimonials_referrals', up, down };
