import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import { nowIso } from '../../platform/clock';
import { renderMarkdown } from '../../platform/markdown';
import { appendToIndex } from '../search';
import { afterAnswer } from './conversation.rules';
import type { TicketEventInput } from './events.repository';
import { messagesRepository } from './messages.repository';
import { recordTicketEvents } from './ticket-events';
import { eventActor } from './tickets.refs';
import { ticketsRepository } from './tickets.repository';
import { loadTicket } from './tickets.service';

/**
 * A reply or internal note written by a rule (a trigger or an automation) in the caller's
 * transaction: no author, marked with the rule's name. A reply is mailed to the requester by the
 * notification mail that follows the `replied` event, like an agent's.
 */
export async function addAutomaticMessage(
  db: DbOrTrx,
  ctx: RequestContext,
  ticketId: number,
  input: { kind: 'reply' | 'note'; body: string },
): Promise<number> {
  const ticket = await loadTicket(db, ticketId);
  const now = nowIso();
  const isReply = input.kind === 'reply';
  const id = await messagesRepository.insert(db, {
    ticketId,
    kind: input.kind,
    authorUserId: null,
    authorCustomerId: null,
    channel: ticket.channel === 'email' ? 'email' : 'web',
    body: input.body,
    html: renderMarkdown(input.body),
    meta: { via: ctx.actor.name },
    recipients: null,
    now,
  });
  const answered = isReply ? afterAnswer(ticket, now) : { changes: {}, events: [] };
  await ticketsRepository.countMessage(db, ticketId, now, answered.changes);
  const events: TicketEventInput[] = [
    { type: isReply ? 'replied' : 'note_added', to: id },
    ...answered.events,
  ];
  await recordTicketEvents(db, ticketId, eventActor(ctx), events, now);
  await appendToIndex(db, ticketId, input.body);
  return id;
}
