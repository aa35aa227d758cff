import { type Kysely, sql } from 'kysely';
import { columnTypes, type Dialect, type Migration } from './helpers';

/**
 * Two more times a ticket keeps from its conversation, beside the first reply and the last
 * message: when the customer last wrote, and since when they have been waiting for an answer
 * (their oldest message after the last public answer of an agent: a reply, call, visit or other
 * logged contact; null when nothing is unanswered). Automatic mail (out of office) does not count.
 * Filled here from the messages already kept.
 */
async function up(db: Kysely<unknown>, dialect: Dialect) {
  const t = columnTypes(dialect);
  await db.schema.alterTable('tickets').addColumn('last_customer_message_at', t.timestamp).execute();
  await db.schema.alterTable('tickets').addColumn('waiting_since', t.timestamp).execute();
  await fillConversationStamps(db);
}

/** The two times of every ticket, from its messages (exported for its test). */
export async function fillConversationStamps<T>(db: Kysely<T>) {
  await sql`
    update tickets set
      last_customer_message_at = (
        select max(m.created_at) from messages m
        where m.ticket_id = tickets.id and m.kind = 'customer' and m.meta not like '%"automated":true%'
      ),
      waiting_since = (
        select min(m.created_at) from messages m
        where m.ticket_id = tickets.id and m.kind = 'customer' and m.meta not like '%"automated":true%'
          and not exists (
            select 1 from messages r
            where r.ticket_id = tickets.id and r.kind in ('reply', 'call', 'visit', 'contact')
              and r.created_at >= m.created_at
          )
      )
  `.execute(db);
}

async function down(db: Kysely<unknown>, _dialect: Dialect) {
  await db.schema.alterTable('tickets').dropColumn('waiting_since').execute();
  await db.schema.alterTable('tickets').dropColumn('last_customer_message_at').execute();
}

export const migration0015: Migration = { name: '0015_conversation_stamps', up, down };
