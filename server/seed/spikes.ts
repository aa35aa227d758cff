import type { Db } from '../db/database';
import { foldAllEvents, runSpikeDetection } from '../modules/reports';
import { indexNewTicket } from '../modules/search';
import { backfillClocks } from '../modules/sla';
import { appendTicketEvents, insertMessageRow, insertTicketRow } from '../modules/tickets';
import { renderMarkdown } from '../platform/markdown';
import { fill, topics } from './ticket-content';

const MINUTE = 60_000;
/** How many tickets the burst adds (the demo's ticket count includes them). */
export const SPIKE_TICKETS = 14;
/** The Refunds topic's charge cases: what a payment provider's bad morning brings. */
const refunds = topics.find((t) => t.category[1] === 'Refunds');
const cases = (refunds?.cases ?? []).filter((c) => /charge/i.test(c.subject));

/**
 * A visible spike for the demo: a burst of double-charge complaints in the Refunds category
 * in the last hour (a payment provider's bad morning), folded into the aggregates, and the
 * spike detector run once, so an alert is open (and managers notified) right after seeding.
 */
export async function seedSpike(db: Db, nowMs: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const category = await trx
      .selectFrom('categories')
      .select('id')
      .where('name', '=', 'Refunds')
      .executeTakeFirst();
    if (!category || cases.length === 0) return;
    const team = await trx.selectFrom('teams').select('id').orderBy('id').executeTakeFirst();
    const customers = await trx
      .selectFrom('customers')
      .select(['id', 'name', 'email', 'organization_id'])
      .where('email', 'is not', null)
      .orderBy('id', 'desc')
      .limit(SPIKE_TICKETS)
      .execute();
    for (const [i, customer] of customers.entries()) {
      const matter = cases[i % cases.length]!;
      const body = fill(matter.openers[0]!, { order: `SO-${300000 + i}`, day: '1st' });
      const created = new Date(nowMs - (50 - i * 3) * MINUTE).toISOString();
      const id = await insertTicketRow(trx, {
        subject: matter.subject,
        requester_id: customer.id,
        organization_id: customer.organization_id,
        channel: i % 3 === 0 ? 'web' : 'email',
        type: 'question',
        priority: 'high',
        status: 'new',
        category_id: category.id,
        assignee_id: null,
        team_id: team?.id ?? null,
        due_at: null,
        escalated_at: null,
        escalation_reason: null,
        escalated_to_id: null,
        custom_fields: '{}',
        tags: '[]',
        first_reply_at: null,
        solved_at: null,
        closed_at: null,
        last_message_at: created,
        last_customer_message_at: created,
        waiting_since: created,
        merged_into_id: null,
        follow_up_of_id: null,
        message_count: 1,
        created_at: created,
        updated_at: created,
      });
      await insertMessageRow(trx, {
        ticketId: id,
        kind: 'customer',
        authorUserId: null,
        authorCustomerId: customer.id,
        channel: 'email',
        body: body,
        html: renderMarkdown(body),
        meta: {},
        now: created,
      });
      await appendTicketEvents(
        trx,
        id,
        { type: 'system', id: null },
        [{ type: 'created', to: 'new' }],
        created,
        {
          historic: true,
        },
      );
      await indexNewTicket(trx, id, {
        subject: matter.subject,
        body: body,
        customer: `${customer.name} ${customer.email ?? ''}`,
      });
      // Written as history, so their service-level clocks are started the way the demo's others are.
      await backfillClocks(trx, id, nowMs);
    }
  });
  await foldAllEvents(db, { settleMs: 0 });
  await runSpikeDetection(db, { now: nowMs });
}
