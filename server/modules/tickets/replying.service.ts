import { REPLYING_SECONDS, type TicketReplying } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { addMinutes, nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { replyingRepository as repo } from './replying.repository';
import { loadTicket } from './tickets.service';

const later = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();

async function replyingNow(db: DbOrTrx, ticketId: number, now: string): Promise<TicketReplying> {
  const rows = await repo.holding(db, ticketId, now);
  return {
    ticketId,
    agents: rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      until: new Date(String(r.expires_at)).toISOString(),
    })),
  };
}

/** The person writing: API tokens have no one at a keyboard. */
function writerOf(ctx: RequestContext): number {
  if (ctx.actor.type !== 'user' || ctx.actor.id <= 0)
    throw new AppError('FORBIDDEN', 'Only a signed-in agent can be replying to a ticket');
  return ctx.actor.id;
}

/**
 * "Is replying": an agent's browser says so while a reply is being written (again before it
 * lapses after REPLYING_SECONDS) and says when it stops. Kept in the database, so every node
 * answers the same; each change is published on the live channel to the staff viewing the ticket.
 */
export function replyingService({ db, live }: AppDeps) {
  const announce = (state: TicketReplying) =>
    live.publish({ type: 'ticket.replying', ticketId: state.ticketId, agents: state.agents });

  return {
    async list(ctx: RequestContext, ticketId: number): Promise<TicketReplying> {
      authorize(ctx.actor, 'tickets.read');
      await loadTicket(db, ticketId);
      return replyingNow(db, ticketId, nowIso());
    },

    async start(ctx: RequestContext, ticketId: number): Promise<TicketReplying> {
      authorize(ctx.actor, 'tickets.write');
      const userId = writerOf(ctx);
      const state = await db.transaction().execute(async (trx) => {
        await loadTicket(trx, ticketId);
        const now = nowIso();
        await repo.hold(trx, ticketId, userId, later(now, REPLYING_SECONDS));
        // Rows of browsers that went away without saying so.
        await repo.sweep(trx, addMinutes(now, -10));
        return replyingNow(trx, ticketId, now);
      });
      // Every refresh is told, so viewers keep the new end time.
      announce(state);
      return state;
    },

    async stop(ctx: RequestContext, ticketId: number): Promise<void> {
      authorize(ctx.actor, 'tickets.write');
      const userId = writerOf(ctx);
      await loadTicket(db, ticketId);
      const now = nowIso();
      if (await repo.release(db, ticketId, userId, now)) announce(await replyingNow(db, ticketId, now));
    },
  };
}

export type ReplyingService = ReturnType<typeof replyingService>;
