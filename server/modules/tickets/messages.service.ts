import type { z } from 'zod';
import type { createMessageBody, Message } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { outboxRepository } from '../../platform/mail/outbox.repository';
import { renderMarkdown } from '../../platform/markdown';
import { renderMarkdownOffThread } from '../../platform/markdown-async';
import { bindFilesToMessage, toAttachment } from '../attachments';
import { appendToIndex } from '../search';
import { loadTicketSettings } from '../settings';
import { afterAnswer, afterCustomerMessage, isAutomatic } from './conversation.rules';
import type { TicketEventInput } from './events.repository';
import { type MentionNotifier, mentionedUsers } from './mentions';
import { messagesRepository as repo } from './messages.repository';
import { type CopiesOf, replyRecipients } from './recipients';
import { recordTicketEvents } from './ticket-events';
import { toMessage } from './tickets.mapper';
import { eventActor } from './tickets.refs';
import { ticketsRepository } from './tickets.repository';
import { canTransition, statusAfterAgentReply, statusAfterCustomerReply } from './tickets.rules';
import { loadTicket, openTicket, type RenderedBody, statusStamps } from './tickets.service';

type AddInput = z.output<typeof createMessageBody>;

const notAttachable = () =>
  new AppError(
    'VALIDATION_FAILED',
    'Some attachments are unknown, already sent, or belong to another ticket',
    [{ path: ['attachmentIds'], message: 'Not attachable' }],
  );

/** The conversation of a ticket with attachments; customers never get notes. */
export async function loadConversation(
  db: DbOrTrx,
  ticketId: number,
  publicOnly: boolean,
): Promise<Message[]> {
  const rows = await repo.list(db, ticketId, publicOnly);
  const attachments = await repo.attachmentsOf(
    db,
    rows.map((r) => r.id),
  );
  const deliveries = new Map(
    (
      await outboxRepository.deliveryOf(
        db,
        rows.filter((r) => r.kind === 'reply').map((r) => r.id),
      )
    ).map((d) => [
      d.message_row_id,
      {
        status: d.status,
        to: [d.to_address, ...(d.cc ? (JSON.parse(d.cc) as string[]) : [])],
        error: d.last_error,
        attempts: d.attempts,
      },
    ]),
  );
  return rows.map((row) =>
    toMessage(
      row,
      attachments.filter((a) => a.message_id === row.id).map(toAttachment),
      deliveries.get(row.id) ?? null,
    ),
  );
}

async function loadMessage(db: DbOrTrx, id: number): Promise<Message> {
  const row = (await repo.findById(db, id))!;
  const attachments = await repo.attachmentsOf(db, [id]);
  return toMessage(row, attachments.map(toAttachment));
}

/**
 * A message from the customer (portal or mail). Pending and solved tickets reopen; a closed
 * ticket gets a follow-up ticket linked to it, which the message opens.
 */
export async function addCustomerMessage(
  db: DbOrTrx,
  ctx: RequestContext,
  ticketId: number,
  input: {
    customerId: number;
    body: string;
    channel: 'portal' | 'email' | 'web';
    attachmentIds: number[];
    rendered?: RenderedBody;
    /** An automatic message (out of office) is kept without reopening the ticket. */
    keepStatus?: boolean;
  },
): Promise<{ ticketId: number; message: Message; followUp: boolean }> {
  const ticket = await loadTicket(db, ticketId);
  if (ticket.status === 'closed' || ticket.mergedIntoId) {
    const target = ticket.mergedIntoId ? await loadTicket(db, ticket.mergedIntoId) : null;
    if (target && target.status !== 'closed') return addCustomerMessage(db, ctx, target.id, input);
    const followUp = await openTicket(
      db,
      ctx,
      {
        subject: ticket.subject.startsWith('Re: ') ? ticket.subject : `Re: ${ticket.subject}`,
        requesterId: input.customerId,
        message: { body: input.body, attachmentIds: input.attachmentIds },
        channel: input.channel,
        type: ticket.type,
        priority: ticket.priority,
        status: 'new',
        categoryId: ticket.category?.id ?? null,
        tags: ticket.tags,
        assigneeId: ticket.assignee?.id ?? null,
        teamId: ticket.team?.id ?? null,
        dueAt: null,
        customFields: {},
      },
      'customer',
      input.rendered,
    );
    await ticketsRepository.update(db, followUp.id, { follow_up_of_id: ticket.id }, null);
    await recordTicketEvents(
      db,
      ticket.id,
      eventActor(ctx),
      [{ type: 'follow_up_created', to: followUp.id }],
      nowIso(),
    );
    const [message] = (await loadConversation(db, followUp.id, true)).slice(-1);
    return { ticketId: followUp.id, message: message!, followUp: true };
  }
  const now = nowIso();
  const id = await repo.insert(db, {
    ticketId,
    kind: 'customer',
    authorUserId: null,
    authorCustomerId: input.customerId,
    channel: input.channel,
    body: input.body,
    html: input.rendered?.html ?? renderMarkdown(input.body),
    meta: input.rendered?.meta ?? {},
    now,
  });
  if (
    (await bindFilesToMessage(db, ticketId, id, input.attachmentIds, input.customerId)) !==
    input.attachmentIds.length
  )
    throw notAttachable();
  const status = input.keepStatus ? ticket.status : statusAfterCustomerReply(ticket.status);
  await ticketsRepository.countMessage(db, ticketId, now, {
    ...afterCustomerMessage(ticket, now, isAutomatic(input.rendered?.meta)),
    ...statusStamps(status, ticket.status, now),
  });
  const events: TicketEventInput[] = [{ type: 'customer_replied', to: id }];
  if (status !== ticket.status) events.push({ type: 'status_changed', from: ticket.status, to: status });
  await recordTicketEvents(db, ticketId, eventActor(ctx), events, now, { customerBody: input.body });
  await appendToIndex(db, ticketId, input.body);
  return { ticketId, message: await loadMessage(db, id), followUp: false };
}

/** What the messages service needs from modules it cannot import (the registry passes them in). */
export interface MessagesOutside {
  notifyMentioned: MentionNotifier;
  copiesOf: CopiesOf;
}

export function messagesService({ db, live }: AppDeps, { notifyMentioned, copiesOf }: MessagesOutside) {
  return {
    async list(ctx: RequestContext, ticketId: number) {
      authorize(ctx.actor, 'tickets.read');
      await loadTicket(db, ticketId);
      return loadConversation(db, ticketId, false);
    },

    /** A reply or note as it will read, rendered by the same safe rules as a sent message. */
    async preview(ctx: RequestContext, ticketId: number, body: string) {
      authorize(ctx.actor, 'tickets.write');
      await loadTicket(db, ticketId);
      return { html: await renderMarkdownOffThread(body) };
    },

    /** An agent's public reply or internal note, with the status the agent chose. */
    async add(ctx: RequestContext, ticketId: number, input: AddInput) {
      authorize(ctx.actor, 'tickets.write');
      const html = await renderMarkdownOffThread(input.body);
      const { message, publicFor } = await db.transaction().execute(async (trx) => {
        const ticket = await loadTicket(trx, ticketId);
        if (input.version !== undefined && input.version !== ticket.version) {
          throw new AppError(
            'TICKET_VERSION_CONFLICT',
            `Ticket #${ticketId} changed since you opened it; review the latest messages before sending`,
            {
              current: ticket,
            },
          );
        }
        if (ticket.mergedIntoId)
          throw new AppError('TICKET_MERGED', `Ticket #${ticketId} was merged into #${ticket.mergedIntoId}`);
        const isReply = input.kind === 'reply';
        if (isReply && ticket.status === 'closed')
          throw new AppError('TICKET_CLOSED', `Ticket #${ticketId} is closed; open a follow-up instead`);
        const status = isReply
          ? statusAfterAgentReply(ticket.status, input.status)
          : (input.status ?? ticket.status);
        if (!canTransition(ticket.status, status)) {
          throw new AppError('INVALID_TRANSITION', `A ${ticket.status} ticket cannot become ${status}`, {
            from: ticket.status,
            to: status,
          });
        }
        const now = nowIso();
        const authorUserId = ctx.actor.type === 'user' && ctx.actor.id > 0 ? ctx.actor.id : null;
        // Assign on reply: the agent who answers an unassigned ticket takes it.
        const takes =
          isReply &&
          authorUserId !== null &&
          ticket.assignee === null &&
          (await loadTicketSettings(trx)).assignOnReply;
        // A reply is mailed to the requester with the Cc the agent chose (else the ticket's copies).
        const recipients =
          isReply && ticket.requester.email
            ? replyRecipients(
                ticket.requester.email,
                input.cc ?? (await copiesOf(trx, ticketId)),
                input.bcc ?? [],
              )
            : null;
        const id = await repo.insert(trx, {
          ticketId,
          kind: input.kind,
          authorUserId,
          authorCustomerId: null,
          channel: ticket.channel === 'email' ? 'email' : 'web',
          body: input.body,
          html,
          meta: ctx.actor.type === 'token' ? { via: `API token ${ctx.actor.name}` } : {},
          recipients,
          now,
        });
        const bound = await bindFilesToMessage(trx, ticketId, id, input.attachmentIds);
        if (bound !== input.attachmentIds.length) throw notAttachable();
        const answered = isReply ? afterAnswer(ticket, now) : { changes: {}, events: [] };
        await ticketsRepository.countMessage(trx, ticketId, now, {
          ...answered.changes,
          ...statusStamps(status, ticket.status, now),
          ...(takes ? { assignee_id: authorUserId } : {}),
        });
        const events: TicketEventInput[] = [
          { type: isReply ? 'replied' : 'note_added', to: id },
          ...answered.events,
        ];
        if (status !== ticket.status)
          events.push({ type: 'status_changed', from: ticket.status, to: status });
        if (takes) events.push({ type: 'assigned', from: null, to: authorUserId });
        await recordTicketEvents(trx, ticketId, eventActor(ctx), events, now);
        await appendToIndex(trx, ticketId, input.body);
        if (!isReply)
          await notifyMentioned(trx, await mentionedUsers(trx, input.body), {
            kind: 'mention',
            ticketId,
            messageId: id,
            actorName: ctx.actor.name,
            now,
          });
        await recordAudit(trx, ctx, {
          action: isReply ? 'ticket.replied' : 'ticket.note_added',
          entityType: 'ticket',
          entityId: ticketId,
          changes: {
            ...(status !== ticket.status ? { status: { before: ticket.status, after: status } } : {}),
            ...(takes ? { assignee: { before: null, after: ctx.actor.name } } : {}),
          },
        });
        // The requester sees a reply and a new status, never a note.
        const customerSees = isReply || status !== ticket.status;
        return {
          message: await loadMessage(trx, id),
          publicFor: customerSees ? { publicFor: ticket.requester.id } : {},
        };
      });
      live.publish({ type: 'ticket.changed', ticketId, version: null, ...publicFor });
      return message;
    },
  };
}

export type MessagesService = ReturnType<typeof messagesService>;
