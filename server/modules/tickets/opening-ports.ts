import type { TicketPriority } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import type { TicketEventInput } from './events.repository';
import type { SlaSummaryColumns, TicketFactsRow } from './tickets.facts';

// What is decided about a ticket before its row is written, through ports the registry sets:
// who holds it (routing, ADR 0031) and its service-level clocks (sla, ADR 0033). The row is then
// written once, complete, instead of being written and changed again in the same transaction.

/** A ticket about to be opened in a team with nobody named to hold it: what an assigner decides from (ADR 0031). */
export interface OpeningTicket {
  teamId: number;
  channel: string;
  priority: TicketPriority;
  subject: string;
  /** The first message as written. */
  body: string;
  tags: readonly string[];
  categoryId: number | null;
  customFields: Readonly<Record<string, unknown>>;
}

/**
 * An assignment decided before the ticket's row exists, so the row is written once, with its
 * holder: who (or nobody), the history entries that say why, recorded with the ticket's
 * creation, and what else the decision writes once the ticket has its id.
 */
export interface OpeningAssignment {
  assigneeId: number | null;
  events: TicketEventInput[];
  recordFor(db: DbOrTrx, ticketId: number, at: string): Promise<void>;
}

/** Decides who a ticket opened in a team goes to; null leaves it to the team's queue as it is. */
export type OpeningAssigner = (db: DbOrTrx, ticket: OpeningTicket) => Promise<OpeningAssignment | null>;

let assigner: OpeningAssigner | null = null;

/** Sets who assigns tickets as they are opened; the registry does this once per process (routing). */
export function assignTicketsAtOpeningWith(next: OpeningAssigner | null): void {
  assigner = next;
}

/** The assignment of a ticket being opened in a team without an assignee, when an assigner is set. */
export function assignmentAtOpening(db: DbOrTrx, ticket: OpeningTicket): Promise<OpeningAssignment | null> {
  return assigner ? assigner(db, ticket) : Promise.resolve(null);
}

/** The columns of a ticket about to be written, as its service-level clocks read them. */
export type OpeningRow = Omit<TicketFactsRow, 'id'>;

/**
 * A ticket's service-level clocks started before its row is written (ADR 0033): the summary
 * columns it is written with, and what to record once it has its id.
 */
export interface OpeningClocks {
  columns: SlaSummaryColumns;
  recordFor(db: DbOrTrx, ticketId: number): Promise<void>;
}

/** Starts the clocks of a ticket being opened; null when no policy applies to it. */
export type ClockStarter = (
  db: DbOrTrx,
  row: OpeningRow,
  opening: OpeningFacts,
) => Promise<OpeningClocks | null>;

/** When the ticket is opened, and whether its first message is an agent's reply to the customer (it answers the first reply). */
export interface OpeningFacts {
  at: string;
  replied: boolean;
}

let starter: ClockStarter | null = null;

/** Sets who starts a ticket's clocks as it is opened; the registry does this once per process (sla). */
export function startClocksAtOpeningWith(next: ClockStarter | null): void {
  starter = next;
}

/** The clocks of a ticket being opened, when a starter is set; `started` tells its subscribers they need not start them again. */
export async function clocksAtOpening(
  db: DbOrTrx,
  row: OpeningRow,
  opening: OpeningFacts,
): Promise<{ started: boolean; clocks: OpeningClocks | null }> {
  if (!starter) return { started: false, clocks: null };
  return { started: true, clocks: await starter(db, row, opening) };
}
