import type { DbOrTrx } from '../../db/database';
import type { TicketEventsTable } from '../../db/schema';
import { eventsRepository, type TicketEventInput } from './events.repository';

/** One change of a ticket as its subscribers see it: the events it wrote, when, and whether it is history being written (seeding). */
export interface TicketChange {
  ticketId: number;
  events: readonly TicketEventInput[];
  at: string;
  historic: boolean;
  /** The text of the customer's message the change added, when it added one: subscribers need not read it back. */
  customerBody?: string;
  /** The change opened the ticket and its service-level clocks were started as it was written (ADR 0033). */
  clocksStarted?: boolean;
}

/**
 * Reacts to a ticket change inside the transaction that made it (ADR 0021): what it writes
 * commits or rolls back with the change. Work that can wait follows the events with a cursor
 * instead (notification mail).
 */
export type TicketEventSubscriber = (db: DbOrTrx, change: TicketChange) => Promise<void>;

const subscribers = new Map<string, TicketEventSubscriber>();

/** Adds (or, under the same name, replaces) a subscriber; the registry does this once per process. */
export function subscribeToTicketEvents(name: string, subscriber: TicketEventSubscriber): void {
  subscribers.set(name, subscriber);
}

/**
 * Events that record what happened around a ticket, not a change of it (an answer to its
 * survey, kept in the history so reports fold it): no subscriber reacts to them, so no clock
 * moves and no trigger runs because a customer rated the service.
 */
const NOT_A_CHANGE: ReadonlySet<string> = new Set(['survey_answered', 'time_logged', 'time_removed']);

/**
 * The one way the tickets module writes a ticket's history: appends the events, then runs the
 * subscribers in the same transaction.
 */
export async function recordTicketEvents(
  db: DbOrTrx,
  ticketId: number,
  actor: { type: TicketEventsTable['actor_type']; id: number | null },
  events: TicketEventInput[],
  at: string,
  options: { historic?: boolean; customerBody?: string; clocksStarted?: boolean } = {},
): Promise<void> {
  if (events.length === 0) return;
  await eventsRepository.append(db, ticketId, actor, events, at, options);
  if (events.every((e) => NOT_A_CHANGE.has(e.type))) return;
  for (const subscriber of subscribers.values())
    await subscriber(db, {
      ticketId,
      events,
      at,
      historic: options.historic ?? false,
      ...(options.customerBody === undefined ? {} : { customerBody: options.customerBody }),
      ...(options.clocksStarted ? { clocksStarted: true } : {}),
    });
}
