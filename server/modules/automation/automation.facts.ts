import type { Ticket } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { tablesStamp } from '../../db/stamps';
import { keptWhileUnchanged } from '../../platform/kept';
import { type Calendar, isOpenAt, loadCalendar, openTimeBetween } from '../business-hours';
import { contractPlanOf } from '../contracts';
import { mailboxOfTicket } from '../mailboxes';
import { teamCalendarOf } from '../teams';
import { automationRepository as repo } from './automation.repository';
import type { ChangeEvent, Need, TicketFacts } from './automation.rules';

/** The calendar a ticket's hours are counted on: its team's, else the default. */
async function calendarOf(db: DbOrTrx, ticket: Ticket): Promise<Calendar | null> {
  const id = ticket.team ? await teamCalendarOf(db, ticket.team.id) : null;
  return loadCalendar(db, id);
}

/**
 * Customers' latest messages by ticket, kept while no message is written (ADR 0029): a ticket
 * opened runs the triggers once for its creation and again for each change routing and the
 * triggers make, in one transaction, and each run looks at the same text.
 */
const bodies = keptWhileUnchanged<string>();

async function latestCustomerBody(db: DbOrTrx, ticketId: number): Promise<string> {
  const stamp = await tablesStamp(db, ['messages'], { withinTransactions: true });
  return bodies.answer(stamp, String(ticketId), () => repo.latestCustomerBody(db, ticketId));
}

/** Reads what rules with these needs look at, beyond the ticket itself. */
export async function gatherFacts(
  db: DbOrTrx,
  ticket: Ticket,
  needs: ReadonlySet<Need>,
  events: readonly ChangeEvent[],
  now: number,
  known: { pendingSince?: string | null; customerBody?: string } = {},
): Promise<TicketFacts> {
  const facts: TicketFacts = { ticket, events, now };
  if (needs.has('mailbox'))
    facts.mailboxId =
      ticket.channel === 'email' ? ((await mailboxOfTicket(db, ticket.id))?.id ?? null) : null;
  if (needs.has('contract'))
    facts.contractPlan = ticket.organization
      ? ((await contractPlanOf(db, ticket.organization.id, new Date(now).toISOString().slice(0, 10)))?.plan ??
        null)
      : null;
  if (needs.has('body')) facts.body = known.customerBody ?? (await latestCustomerBody(db, ticket.id));
  if (needs.has('hours') || needs.has('calendar')) {
    const calendar = await calendarOf(db, ticket);
    facts.openNow = calendar ? isOpenAt(calendar, now) : true;
    facts.openMsSince = (from) => (calendar ? openTimeBetween(calendar, from, now) : Math.max(0, now - from));
  }
  if (needs.has('pending'))
    facts.pendingSince =
      known.pendingSince !== undefined
        ? known.pendingSince
        : ((await repo.pendingSince(db, [ticket.id])).get(ticket.id) ?? null);
  return facts;
}
