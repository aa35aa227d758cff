import type { Config } from '../../config';
import type { Db, DbOrTrx } from '../../db/database';
import { dialectOf } from '../../db/database';
import { messagesRepository } from '../tickets/messages.repository';
import { loadTicket } from '../tickets/tickets.service';
import { usersRepository } from '../users/users.repository';
import { copiesOfTicket } from './copies';
import { notifyRepository as repo } from './notify.repository';
import { queueTicketMail } from './outbound';

const CURSOR = 'mail-notifications';
const BATCH = 200;

/** An active staff member (assignee, author), or undefined. */
async function staffMember(db: DbOrTrx, id: number) {
  const user = await usersRepository.findById(db, id);
  return user && user.role !== 'customer' ? user : undefined;
}

type EventRow = Awaited<ReturnType<typeof repo.eventsAfter>>[number];

/** The mail one ticket event causes, if any. */
async function mailFor(db: DbOrTrx, config: Config, event: EventRow) {
  const ticket = await loadTicket(db, event.ticket_id);
  const customer = ticket.requester.email;
  const actor =
    event.actor_type === 'user' && event.actor_id ? await staffMember(db, event.actor_id) : undefined;
  if (event.type === 'replied' && customer) {
    const message = await messagesRepository.findById(db, Number(event.to_value));
    if (message?.kind !== 'reply') return;
    await queueTicketMail(db, config, {
      ticket,
      template: 'agent_replied',
      to: customer,
      cc: await copiesOfTicket(db, ticket.id),
      values: { 'message.body': message.body, 'agent.name': actor?.name ?? 'Support' },
      html: { 'message.body': message.body_html },
      messageRowId: message.id,
      attachmentIds: (await messagesRepository.attachmentsOf(db, [message.id])).map((a) => a.id),
    });
  } else if (event.type === 'status_changed' && customer) {
    // A reply that also solves the ticket already told the customer.
    if (await repo.sameChangeHas(db, ticket.id, event.created_at, ['replied'])) return;
    await queueTicketMail(db, config, {
      ticket,
      template: 'ticket_solved',
      to: customer,
      cc: await copiesOfTicket(db, ticket.id),
    });
  } else if (event.type === 'assigned' && event.to_value) {
    const assignee = await staffMember(db, Number(event.to_value));
    if (!assignee || assignee.deactivated_at || assignee.id === event.actor_id) return;
    await queueTicketMail(db, config, {
      ticket,
      template: 'agent_ticket_assigned',
      to: assignee.email,
      values: { 'recipient.name': assignee.name, 'actor.name': actor?.name ?? 'Steward' },
    });
  } else if (event.type === 'customer_replied' && event.assignee_id) {
    // The first message of a new ticket is not a reply to anyone.
    if (await repo.sameChangeHas(db, ticket.id, event.created_at, ['created'])) return;
    const assignee = await staffMember(db, event.assignee_id);
    const message = await messagesRepository.findById(db, Number(event.to_value));
    if (!assignee || assignee.deactivated_at || !message) return;
    await queueTicketMail(db, config, {
      ticket,
      template: 'agent_customer_replied',
      to: assignee.email,
      values: { 'recipient.name': assignee.name, 'message.body': message.body },
    });
  }
}

/**
 * Turns ticket events into notification mail (agent replies, solved tickets, assignments,
 * customer replies to the assignee), in the order they happened, each exactly once: the
 * cursor moves in the same transaction as the mail it queued. On PostgreSQL it reads only
 * events older than `settleMs`, since ids of concurrent transactions can commit out of order.
 */
export async function sendTicketNotifications(db: Db, config: Config, settleMs = 2000): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const settledBefore =
      dialectOf(trx) === 'postgres' ? new Date(Date.now() - settleMs).toISOString() : null;
    const cursor = await repo.cursor(trx, CURSOR);
    if (cursor === null) {
      await repo.setCursor(trx, CURSOR, await repo.lastEventId(trx));
      return 0;
    }
    const ceiling = await repo.newestSettledId(trx, settledBefore);
    const events = await repo.eventsAfter(trx, cursor, ceiling, BATCH);
    for (const event of events) await mailFor(trx, config, event);
    const last = events.length === BATCH ? events.at(-1)!.id : ceiling;
    if (last > cursor) await repo.setCursor(trx, CURSOR, last);
    return events.length;
  });
}
