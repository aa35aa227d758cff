import type { Selectable } from 'kysely';
import type { DbOrTrx } from '../../db/database';
import { adapterOf } from '../../db/dialect';
import { pick, prepared } from '../../db/prepared';
import type { TicketEventsTable } from '../../db/schema';

export interface TicketEventInput {
  type: string;
  from?: string | number | null;
  to?: string | number | null;
  /** Who made this one change when it is not who made the rest (routing's assignment of a ticket being opened). */
  by?: { type: TicketEventsTable['actor_type']; id: number | null };
}

type EventValues = Omit<Selectable<TicketEventsTable>, 'id'>;
const eventColumns = [
  'ticket_id',
  'type',
  'actor_type',
  'actor_id',
  'from_value',
  'to_value',
  'created_at',
  'historic',
] as const satisfies readonly (keyof EventValues)[];
/** One event: every ticket opened or changed writes a few (see server/db/prepared.ts). */
const insertOne = prepared((db, p: EventValues) =>
  db.insertInto('ticket_events').values(pick(p, eventColumns)),
);

const text = (value: string | number | null | undefined) =>
  value === undefined || value === null ? null : String(value);

/** Append-only history of each ticket: reports and the timeline read it. */
export const eventsRepository = {
  async append(
    db: DbOrTrx,
    ticketId: number,
    actor: { type: TicketEventsTable['actor_type']; id: number | null },
    events: TicketEventInput[],
    at: string,
    /** Seeding and back-fills write history: such events never send notification mail. */
    options: { historic?: boolean } = {},
  ): Promise<void> {
    if (events.length === 0) return;
    const rows = events.map(
      (e): EventValues => ({
        ticket_id: ticketId,
        type: e.type,
        actor_type: (e.by ?? actor).type,
        actor_id: (e.by ?? actor).id,
        from_value: text(e.from),
        to_value: text(e.to),
        created_at: at,
        historic: options.historic ? 1 : 0,
      }),
    );
    // On SQLite a row at a time: a statement of several rows would open a statement journal,
    // which flushes the full-text index (see insertReturningId in server/db/prepared.ts), and a
    // statement built once costs less than building one. PostgreSQL takes them in one round trip.
    if (adapterOf(db).insertsRowByRow) for (const row of rows) await insertOne.rows(db, row);
    else await db.insertInto('ticket_events').values(rows).execute();
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
