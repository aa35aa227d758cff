import type { TicketStatus } from './tickets';

/**
 * The ticket lifecycle. `new` is only where tickets start; `closed` is final (a later message
 * opens a follow-up ticket instead); `solved` can reopen or close.
 */
export const statusTransitions: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'pending', 'on_hold', 'solved'],
  open: ['pending', 'on_hold', 'solved'],
  pending: ['open', 'on_hold', 'solved'],
  on_hold: ['open', 'pending', 'solved'],
  solved: ['open', 'closed'],
  closed: [],
};

/** Staying where it is always counts as allowed. */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || statusTransitions[from].includes(to);
}

/** Statuses a ticket may move to from where it is, its own first. */
export function nextStatuses(from: TicketStatus): TicketStatus[] {
  return [from, ...statusTransitions[from]];
}
