import type { TicketPriority } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import type { TicketEventInput } from './events.repository';

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
