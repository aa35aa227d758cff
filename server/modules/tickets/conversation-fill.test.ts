import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Ticket } from '../../../contracts/tickets';
import { describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { fillConversationStamps } from '../../db/migrations/0015_conversation_stamps';
import { systemContext } from '../../platform/auth/actor';
import { addCustomerMessage } from './messages.service';

describeApi('tickets kept before their conversation times were', (t) => {
  it('get the same times from their messages as tickets kept since', async () => {
    const agent = await t.signIn('agent');
    const reply = (id: number, kind = 'reply') =>
      t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${id}/messages`,
        payload: { kind, body: `A ${kind}` },
      });
    const customerWrites = (ticket: Ticket, automated = false) =>
      addCustomerMessage(t.handle.db, systemContext('Mail'), ticket.id, {
        customerId: ticket.requester.id,
        body: 'More',
        channel: 'email',
        attachmentIds: [],
        rendered: { html: '<p>More</p>', meta: automated ? { automated: true } : {} },
        keepStatus: automated,
      });
    const waiting = await openTicket(t, agent);
    await reply(waiting.id, 'note');
    const answered = await openTicket(t, agent);
    await reply(answered.id);
    const again = await openTicket(t, agent);
    await reply(again.id);
    await customerWrites(again, true);
    await customerWrites(again);
    await customerWrites(again);
    const byAgent = await openTicket(t, agent, {
      channel: 'walk_in',
      message: { body: 'Came in', author: 'agent' },
    });
    const ids = [waiting.id, answered.id, again.id, byAgent.id];
    const times = async () =>
      t.handle.db
        .selectFrom('tickets')
        .select(['id', 'last_customer_message_at', 'waiting_since'])
        .where('id', 'in', ids)
        .orderBy('id')
        .execute();
    const live = await times();
    expect(live.filter((r) => r.waiting_since !== null).map((r) => r.id)).toEqual([waiting.id, again.id]);

    await sql`update tickets set last_customer_message_at = null, waiting_since = null`.execute(t.handle.db);
    await fillConversationStamps(t.handle.db);
    expect(await times()).toEqual(live);
  });
});
