import type { DbOrTrx } from '../../db/database';
import type { TicketEventsTable } from '../../db/schema';
import type { RequestContext } from '../../platform/auth/actor';
import { AppError, notFound } from '../../platform/errors';
import { findOrCreateByEmail, loadCustomer } from '../customers';
import { loadCustomFields, validateCustomFields } from '../ticket-fields';
import { ticketsRepository } from './tickets.repository';

/** Checks the people and teams a ticket points at exist and may hold tickets. */
export async function assertAssignee(db: DbOrTrx, id: number | null | undefined, path = 'assigneeId') {
  if (id === null || id === undefined) return;
  const user = await ticketsRepository.staffMember(db, id);
  if (!user || user.deactivated_at || user.role === 'customer') {
    throw new AppError('VALIDATION_FAILED', `No active staff member with id ${id}`, [
      { path: [path], message: 'Unknown or inactive staff member' },
    ]);
  }
}

export async function assertTeam(db: DbOrTrx, id: number | null | undefined) {
  if (id === null || id === undefined) return;
  if (!(await ticketsRepository.teamExists(db, id))) {
    throw new AppError('VALIDATION_FAILED', `No team with id ${id}`, [
      { path: ['teamId'], message: 'Unknown team' },
    ]);
  }
}

export async function activeRequester(db: DbOrTrx, id: number) {
  const customer = await loadCustomer(db, id).catch(() => {
    throw new AppError('VALIDATION_FAILED', `No customer with id ${id}`, [
      { path: ['requesterId'], message: 'Unknown customer' },
    ]);
  });
  if (customer.mergedIntoId) return loadCustomer(db, customer.mergedIntoId);
  return customer;
}

/** The customer writing from an address, created when new; a merged customer's survivor. */
export async function requesterByEmail(db: DbOrTrx, person: { email: string; name?: string }, now: string) {
  const { customer } = await findOrCreateByEmail(db, person, now);
  return customer.mergedIntoId ? activeRequester(db, customer.mergedIntoId) : customer;
}

export async function checkCustomFields(
  db: DbOrTrx,
  type: string,
  values: Record<string, string | number | boolean | null>,
  requireAll = false,
) {
  if (Object.keys(values).length === 0 && !requireAll) return values;
  return validateCustomFields(await loadCustomFields(db), type, values, requireAll);
}

/** Who an event is attributed to. */
export function eventActor(ctx: RequestContext): {
  type: TicketEventsTable['actor_type'];
  id: number | null;
} {
  if (ctx.actor.type === 'token') return { type: 'token', id: ctx.actor.id };
  if (ctx.actor.id === 0) return { type: 'system', id: null };
  return { type: 'user', id: ctx.actor.id };
}

export const ticketNotFound = (id: number) => notFound('TICKET_NOT_FOUND', `Ticket #${id}`);
