import type { Config } from '../../config';
import type { Db, DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { withSavepoint } from '../../db/savepoint';
import { clearJobFailure, dueJobFailures, recordJobFailure } from '../../platform/job-failures';
import { customerMailPreferences } from '../customers';
import { copiesOfTicket, inlinePictures, queueTicketMail } from '../mailboxes';
import { attachmentsOfMessages, findMessage, loadTicket, recipientsOf } from '../tickets';
import { findUserRow } from '../users';
import { notifyRepository as repo } from './notify.repository';

/** The job's name: its cursor, and its failed items. */
export const NOTIFY_JOB = 'mail-notifications';
const JOB = NOTIFY_JOB;
const BATCH = 200;
const RETRY_BATCH = 20;

/** An active staff member (assignee, author), or undefined. */
async function staffMember(db: DbOrTrx, id: number) {
  const user = await findUserRow(db, id);
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
    const message = await findMessage(db, Number(event.to_value));
    if (message?.kind !== 'reply') return;
    // Exactly whom the agent wrote to; replies kept before recipients were stored go as they did.
    const recipients = recipientsOf(message);
    const to = recipients ? recipients.to[0] : customer;
    if (!to) return;
    // A requester who reads replies in the portal gets no mail of them.
    if (to === customer && !(await customerMailPreferences(db, ticket.requester.id)).mailOnReply) return;
    const attachmentIds = (await attachmentsOfMessages(db, [message.id])).map((a) => a.id);
    await queueTicketMail(db, config, {
      ticket,
      template: 'agent_replied',
      to,
      cc: recipients ? recipients.cc : await copiesOfTicket(db, ticket.id),
      bcc: recipients?.bcc ?? [],
      values: { 'message.body': message.body, 'agent.name': actor?.name ?? 'Support' },
      html: { 'message.body': inlinePictures(message.body_html, attachmentIds) },
      messageRowId: message.id,
      attachmentIds,
    });
  } else if (event.type === 'status_changed' && customer) {
    const wants = await customerMailPreferences(db, ticket.requester.id);
    if (!wants.mailOnSolved) return;
    // A reply that also solves the ticket already told the customer, when replies are mailed to them.
    if (wants.mailOnReply && (await repo.sameChangeHas(db, ticket.id, event.created_at, ['replied']))) return;
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
    const message = await findMessage(db, Number(event.to_value));
    if (!assignee || assignee.deactivated_at || !message) return;
    await queueTicketMail(db, config, {
      ticket,
      template: 'agent_customer_replied',
      to: assignee.email,
      values: { 'recipient.name': assignee.name, 'message.body': message.body },
    });
  }
}

const label = (event: EventRow) => `Ticket ${event.ticket_id}: ${event.type} (event ${event.id})`;

/**
 * The mail of one event in its own savepoint: when it throws, only its own changes are undone
 * and the event is recorded as a failed item (retried with backoff, then a dead letter), so
 * the events behind it keep flowing.
 */
function notifyOne(trx: DbOrTrx, config: Config, event: EventRow, retry: boolean): Promise<boolean> {
  const item = { job: JOB, key: String(event.id), label: label(event) };
  return withSavepoint(
    trx,
    `event_${event.id}`,
    async () => {
      await mailFor(trx, config, event);
      if (retry) await clearJobFailure(trx, JOB, item.key);
      return true;
    },
    async (error) => {
      await recordJobFailure(trx, item, error);
      return false;
    },
  );
}

/** Failed events whose next attempt is due, each once more. */
async function retryFailed(trx: DbOrTrx, config: Config): Promise<number> {
  const due = await dueJobFailures(trx, JOB, RETRY_BATCH);
  for (const failure of due) {
    const event = await repo.eventById(trx, Number(failure.item_key));
    if (event) await notifyOne(trx, config, event, true);
    else await clearJobFailure(trx, JOB, failure.item_key);
  }
  return due.length;
}

/**
 * Turns ticket events into notification mail (agent replies, solved tickets, assignments,
 * customer replies to the assignee), in the order they happened, each exactly once: the
 * cursor moves in the same transaction as the mail it queued. An event whose mail cannot be
 * made is recorded as a failed item and the cursor moves past it; failed items are retried in
 * the same transaction (the cursor's lock keeps nodes from doing it twice). On PostgreSQL it
 * reads only events older than `settleMs`, since ids of concurrent transactions can commit
 * out of order.
 */
export async function sendTicketNotifications(db: Db, config: Config, settleMs = 2000): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const settledBefore = adapterOf(trx).idsCommitInOrder
      ? null
      : new Date(Date.now() - settleMs).toISOString();
    const cursor = await repo.cursor(trx, JOB);
    if (cursor === null) {
      await repo.setCursor(trx, JOB, await repo.lastEventId(trx));
      return 0;
    }
    const ceiling = await repo.newestSettledId(trx, settledBefore);
    const events = await repo.eventsAfter(trx, cursor, ceiling, BATCH);
    for (const event of events) await notifyOne(trx, config, event, false);
    const last = events.length === BATCH ? events.at(-1)!.id : ceiling;
    if (last > cursor) await repo.setCursor(trx, JOB, last);
    return events.length + (await retryFailed(trx, config));
  });
}
