import type { z } from 'zod';
import type { contactBody, Message, Ticket } from '../../../contracts/tickets';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { renderMarkdownOffThread } from '../../platform/markdown-async';
import { appendToIndex } from '../search';
import { afterAnswer } from './conversation.rules';
import { messagesRepository } from './messages.repository';
import { loadConversation } from './messages.service';
import { recordTicketEvents } from './ticket-events';
import { eventActor } from './tickets.refs';
import { ticketsRepository } from './tickets.repository';
import { announceTicket, loadTicket, openTicket } from './tickets.service';

type ContactInput = z.output<typeof contactBody>;

/** Phone calls and walk-in visits logged by an agent, on a new ticket or an existing one. */
export function contactsService({ db, live }: AppDeps) {
  return {
    async log(
      ctx: RequestContext,
      input: ContactInput,
    ): Promise<{ ticket: Ticket; message: Message; created: boolean }> {
      authorize(ctx.actor, 'tickets.write');
      const channel = input.kind === 'call' ? 'phone' : 'walk_in';
      const meta = { contact: input.kind, durationMinutes: input.durationMinutes, outcome: input.outcome };
      const html = await renderMarkdownOffThread(input.summary);
      const result = await db.transaction().execute(async (trx) => {
        if (!input.ticketId) {
          if (!input.subject || (!input.requesterId && !input.requester)) {
            throw new AppError('VALIDATION_FAILED', 'A new ticket needs a subject and a requester', [
              { path: ['subject'], message: 'Required for a new ticket' },
            ]);
          }
          const ticket = await openTicket(
            trx,
            ctx,
            {
              subject: input.subject,
              requesterId: input.requesterId,
              requester: input.requester,
              message: { body: input.summary, attachmentIds: [] },
              channel,
              type: input.type,
              priority: input.priority,
              status:
                input.outcome === 'resolved' || input.outcome === 'information_given' ? 'solved' : 'open',
              categoryId: null,
              tags: [],
              assigneeId: ctx.actor.type === 'user' && ctx.actor.id > 0 ? ctx.actor.id : null,
              teamId: null,
              dueAt: null,
              customFields: {},
            },
            'agent',
            { html, meta },
          );
          const [message] = await loadConversation(trx, ticket.id, false);
          return { ticket, message: message!, created: true };
        }
        const ticket = await loadTicket(trx, input.ticketId);
        if (ticket.status === 'closed')
          throw new AppError(
            'TICKET_CLOSED',
            `Ticket #${ticket.id} is closed; log the contact on a new ticket`,
          );
        const now = nowIso();
        const id = await messagesRepository.insert(trx, {
          ticketId: ticket.id,
          kind: input.kind,
          authorUserId: ctx.actor.type === 'user' && ctx.actor.id > 0 ? ctx.actor.id : null,
          authorCustomerId: null,
          channel,
          body: input.summary,
          html,
          meta,
          now,
        });
        const answered = afterAnswer(ticket, now);
        await ticketsRepository.countMessage(trx, ticket.id, now, answered.changes);
        await recordTicketEvents(
          trx,
          ticket.id,
          eventActor(ctx),
          [{ type: `${input.kind}_logged`, to: id }, ...answered.events],
          now,
        );
        await appendToIndex(trx, ticket.id, input.summary);
        const message = (await loadConversation(trx, ticket.id, false)).find((m) => m.id === id)!;
        return { ticket: await loadTicket(trx, ticket.id), message, created: false };
      });
      announceTicket(live, result.ticket, { created: result.created, customerSees: true });
      return result;
    },
  };
}

export type ContactsService = ReturnType<typeof contactsService>;
