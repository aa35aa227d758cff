import type { DbOrTrx } from '../../db/database';
import type { TicketEventsTable } from '../../db/schema';

export interface TicketEventInput {
  type: string;
  from?: string | number | null;
  to?: string | number | null;
}

/** Append-only history of each ticket: reports and the timeline read it. */
export const eventsRepository = {
  async append(
    db: DbOrTrx,
    ticketId: number,
    actor: { type: TicketEventsTable['actor_type']; id: number | null },
    events: TicketEventInput[],
    at: string,
  ): Promise<void> {
    if (events.length === 0) return;
    await db
      .insertInto('ticket_events')
      .values(
        events.map((e) => ({
          ticket_id: ticketId,
          type: e.type,
          actor_type: actor.type,
          actor_id: actor.id,
          from_value: e.from === undefined || e.from === null ? null : String(e.from),
          to_value: e.to === undefined || e.to === null ? null : String(e.to),
          created_at: at,
        })),
      )
      .execute();
  },

  list(db: DbOrTrx, ticketId: number) {
    return db
      .selectFrom('ticket_events')
      .leftJoin('users', (join) =>
        join.onRef('users.id', '=', 'ticket_events.actor_id').on('ticket_events.actor_type', '=', 'user'),
      )
      .leftJoin('customers', (join) =>
        join
          .onRef('customers.id', '=', 'ticket_events.actor_id')
          .on('ticket_events.actor_type', '=', 'customer'),
      )
      .leftJoin('api_tokens', (join) =>
        join
          .onRef('api_tokens.id', '=', 'ticket_events.actor_id')
          .on('ticket_events.actor_type', '=', 'token'),
      )
      .selectAll('ticket_events')
      .select(['users.name as user_name', 'customers.name as customer_name', 'api_tokens.name as token_name'])
      .where('ticket_events.ticket_id', '=', ticketId)
      .orderBy('ticket_events.id')
      .execute();
  },

  async moveEvents(db: DbOrTrx, fromId: number, toId: number) {
    await db
      .updateTable('ticket_events')
      .set({ ticket_id: toId })
      .where('ticket_id', '=', fromId)
      .where('type', 'in', ['replied', 'customer_replied', 'note_added'])
      .execute();
  },
};

export type EventRow = Awaited<ReturnType<typeof eventsRepository.list>>[number];
