import type { z } from 'zod';
import type { bulkUpdateBody, Ticket } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { moveTicketFiles } from '../attachments';
import { reindexTickets } from '../search';
import { conversationStamps } from './conversation.rules';
import { eventsRepository } from './events.repository';
import { messagesRepository } from './messages.repository';
import { recordTicketEvents } from './ticket-events';
import { eventActor } from './tickets.refs';
import { ticketsRepository } from './tickets.repository';
import { changeTicket, customerSeesChange, loadTicket } from './tickets.service';

/** Refuses a merge that would show one requester's conversation to another, unless acknowledged. */
async function refuseOtherRequesters(db: DbOrTrx, target: Ticket, sourceIds: number[]) {
  const others: { id: number; requester: { id: number; name: string } }[] = [];
  for (const id of sourceIds) {
    const source = await loadTicket(db, id);
    if (source.requester.id !== target.requester.id)
      others.push({ id, requester: { id: source.requester.id, name: source.requester.name } });
  }
  if (others.length === 0) return;
  const list = others.map((o) => `#${o.id} (${o.requester.name})`).join(', ');
  throw new AppError(
    'MERGE_REQUESTER_CHANGE',
    `${list} ${others.length === 1 ? 'is' : 'are'} from another requester than #${target.id} (${target.requester.name}); merging lets ${target.requester.name} read their replies and messages (not notes). Send acknowledgeRequesterChange: true to merge anyway.`,
    { tickets: others },
  );
}

/** Bulk updates and merges: many tickets at once, each change checked as if made alone. */
export function bulkService({ db, live }: AppDeps) {
  return {
    /** Applies the same change to each ticket; one ticket's refusal does not stop the others. */
    async update(ctx: RequestContext, input: z.output<typeof bulkUpdateBody>) {
      authorize(ctx.actor, 'tickets.write');
      const updated: number[] = [];
      const failed: { ticketId: number; code: string; message: string }[] = [];
      for (const ticketId of [...new Set(input.ticketIds)]) {
        try {
          const after = await db.transaction().execute(async (trx) => {
            const { addTags, removeTags, ...changes } = input.changes;
            let tags: string[] | undefined;
            if (addTags || removeTags) {
              const current = await loadTicket(trx, ticketId);
              tags = [...new Set([...current.tags, ...(addTags ?? [])])].filter(
                (t) => !(removeTags ?? []).includes(t),
              );
            }
            return changeTicket(trx, ctx, ticketId, { ...changes, ...(tags ? { tags } : {}) });
          });
          updated.push(ticketId);
          live.publish({
            type: 'ticket.changed',
            ticketId,
            version: null,
            ...(customerSeesChange(input.changes) ? { publicFor: after.requester.id } : {}),
          });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          failed.push({ ticketId, code: error.code, message: error.message });
        }
      }
      return { updated, failed };
    },

    /**
     * Merges tickets into a target: their messages move over, each source is closed with a
     * link to the target and a note saying so. Tickets of another requester need
     * `acknowledgeRequesterChange`: their conversation (never notes) becomes the target
     * requester's to read.
     */
    async merge(
      ctx: RequestContext,
      targetId: number,
      sourceIds: number[],
      acknowledgeRequesterChange = false,
    ): Promise<Ticket> {
      authorize(ctx.actor, 'tickets.write');
      const sources = [...new Set(sourceIds)];
      if (sources.includes(targetId)) {
        throw new AppError('VALIDATION_FAILED', 'A ticket cannot be merged into itself', [
          { path: ['sourceIds'], message: 'Contains the target' },
        ]);
      }
      const merged = await db.transaction().execute(async (trx) => {
        const target = await loadTicket(trx, targetId);
        if (target.status === 'closed' || target.mergedIntoId)
          throw new AppError('TICKET_CLOSED', `Ticket #${targetId} is closed and cannot take merges`);
        if (!acknowledgeRequesterChange) await refuseOtherRequesters(trx, target, sources);
        const now = nowIso();
        const requesters = new Map<number, number>();
        for (const sourceId of sources) {
          const source = await loadTicket(trx, sourceId);
          requesters.set(sourceId, source.requester.id);
          if (source.mergedIntoId)
            throw new AppError(
              'TICKET_MERGED',
              `Ticket #${sourceId} was already merged into #${source.mergedIntoId}`,
            );
          await ticketsRepository.moveMessages(trx, sourceId, targetId);
          await moveTicketFiles(trx, sourceId, targetId);
          await eventsRepository.moveEvents(trx, sourceId, targetId);
          await ticketsRepository.update(
            trx,
            sourceId,
            { status: 'closed', closed_at: now, merged_into_id: targetId, updated_at: now },
            null,
          );
          await recordTicketEvents(
            trx,
            sourceId,
            eventActor(ctx),
            [{ type: 'merged', from: source.status, to: targetId }],
            now,
          );
          await recordTicketEvents(
            trx,
            targetId,
            eventActor(ctx),
            [{ type: 'merged_in', from: sourceId }],
            now,
          );
          await recordAudit(trx, ctx, {
            action: 'ticket.merged',
            entityType: 'ticket',
            entityId: targetId,
            changes: {
              mergedFrom: { before: null, after: { id: sourceId, subject: source.subject } },
              ...(source.requester.id !== target.requester.id
                ? { requester: { before: source.requester.name, after: target.requester.name } }
                : {}),
            },
          });
        }
        // The conversation is now the target's: its first reply, last customer message and
        // wait follow from all of it.
        const stamps = conversationStamps(await messagesRepository.stampsOf(trx, targetId));
        await ticketsRepository.update(trx, targetId, { ...stamps, updated_at: now }, null);
        await reindexTickets(trx, [targetId, ...sources]);
        return { target: await loadTicket(trx, targetId), requesters };
      });
      // Every requester sees it: their request closes into the target, whose conversation grows.
      merged.requesters.set(targetId, merged.target.requester.id);
      for (const [ticketId, publicFor] of merged.requesters)
        live.publish({ type: 'ticket.changed', ticketId, version: null, publicFor });
      return merged.target;
    },
  };
}

export type BulkService = ReturnType<typeof bulkService>;
