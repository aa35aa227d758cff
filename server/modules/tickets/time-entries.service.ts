import type { z } from 'zod';
import type { logTimeBody, TimeEntry, TimeEntryList } from '../../../contracts/time-entries';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { recordTicketEvents } from './ticket-events';
import { eventActor } from './tickets.refs';
import { loadTicket } from './tickets.service';
import { timeEntriesRepository as repo, type TimeEntryRow } from './time-entries.repository';

type LogTimeInput = z.output<typeof logTimeBody>;

const toTimeEntry = (row: TimeEntryRow): TimeEntry => ({
  id: row.id,
  ticketId: row.ticket_id,
  user: row.user_id === null ? null : { id: row.user_id, name: row.user_name ?? '' },
  minutes: row.minutes,
  note: row.note,
  createdAt: new Date(row.created_at).toISOString(),
});

/** The person who spent the time: an API token (or Steward itself) has no one whose time it could be. */
function spenderOf(ctx: RequestContext): number {
  authorize(ctx.actor, 'time.log');
  if (ctx.actor.type !== 'user' || ctx.actor.id <= 0)
    throw new AppError('FORBIDDEN', 'Time is logged by the person who spent it');
  return ctx.actor.id;
}

/** A ticket's time entries with their total, newest first. */
async function loadTimeEntries(db: DbOrTrx, ticketId: number): Promise<TimeEntryList> {
  const data = (await repo.listByTicket(db, ticketId)).map(toTimeEntry);
  return { data, totalMinutes: data.reduce((sum, e) => sum + e.minutes, 0) };
}

/**
 * Logs time a staff member spent on a ticket, in the caller's transaction: the entry, its
 * `time_logged` event (the report fold adds the minutes to the agent's handle time) and the
 * audit. The demo seed logs its time through here too.
 */
export async function logTime(
  trx: DbOrTrx,
  ctx: RequestContext,
  ticketId: number,
  input: LogTimeInput,
  /** Seeding writes history: time spent in the past, its event historic and not audited as done now. */
  { at = nowIso(), historic = false }: { at?: string; historic?: boolean } = {},
): Promise<TimeEntry> {
  const userId = spenderOf(ctx);
  const ticket = await loadTicket(trx, ticketId);
  if (ticket.mergedIntoId)
    throw new AppError('TICKET_MERGED', `Ticket #${ticketId} was merged into #${ticket.mergedIntoId}`);
  const id = await repo.insert(trx, { ticketId, userId, minutes: input.minutes, note: input.note ?? '', at });
  await recordTicketEvents(
    trx,
    ticketId,
    eventActor(ctx),
    [{ type: 'time_logged', from: null, to: JSON.stringify({ id, minutes: input.minutes }) }],
    at,
    { historic },
  );
  const entry = toTimeEntry((await repo.find(trx, ticketId, id))!);
  if (!historic)
    await recordAudit(trx, ctx, {
      action: 'ticket.time_logged',
      entityType: 'ticket',
      entityId: ticketId,
      after: { minutes: entry.minutes, note: entry.note },
    });
  return entry;
}

/** Time tracking on tickets (handle time): staff log the minutes they spent and take them back. */
export function timeEntriesService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext, ticketId: number): Promise<TimeEntryList> {
      authorize(ctx.actor, 'tickets.read');
      await loadTicket(db, ticketId);
      return loadTimeEntries(db, ticketId);
    },

    async log(ctx: RequestContext, ticketId: number, input: LogTimeInput): Promise<TimeEntry> {
      return db.transaction().execute((trx) => logTime(trx, ctx, ticketId, input));
    },

    /** Removes an entry, by its author or a manager or admin, with a `time_removed` event. */
    async remove(ctx: RequestContext, ticketId: number, entryId: number): Promise<void> {
      authorize(ctx.actor, 'tickets.write');
      await db.transaction().execute(async (trx) => {
        await loadTicket(trx, ticketId);
        const row = await repo.find(trx, ticketId, entryId);
        if (!row) throw notFound('TIME_ENTRY_NOT_FOUND', `Time entry ${entryId} on ticket #${ticketId}`);
        const entry = toTimeEntry(row);
        authorize(ctx.actor, 'time.remove', { userId: row.user_id });
        await repo.remove(trx, entryId);
        const removed = { id: entry.id, minutes: entry.minutes, userId: row.user_id, at: entry.createdAt };
        await recordTicketEvents(
          trx,
          ticketId,
          eventActor(ctx),
          [{ type: 'time_removed', from: JSON.stringify(removed), to: null }],
          nowIso(),
        );
        await recordAudit(trx, ctx, {
          action: 'ticket.time_removed',
          entityType: 'ticket',
          entityId: ticketId,
          before: { minutes: entry.minutes, note: entry.note, loggedBy: entry.user?.name ?? null },
        });
      });
    },
  };
}

export type TimeEntriesService = ReturnType<typeof timeEntriesService>;
