import type { TicketStatus } from '../../../contracts/tickets';

/** The lifecycle itself (which status may follow which) is shared with the web app. */
export { canTransition } from '../../../contracts/ticket-rules';

/** Status after an agent's public reply: a new ticket becomes open unless the agent chose. */
export function statusAfterAgentReply(current: TicketStatus, chosen: TicketStatus | undefined): TicketStatus {
  if (chosen) return chosen;
  return current === 'new' ? 'open' : current;
}

/**
 * Status after the customer writes: waiting-on-customer and solved tickets come back to the
 * queue as open; closed tickets never change (the caller opens a follow-up).
 */
export function statusAfterCustomerReply(current: TicketStatus): TicketStatus {
  if (current === 'pending' || current === 'solved') return 'open';
  return current;
}

/** Assigning a new ticket to someone means work has started on it. */
export function statusAfterAssignment(current: TicketStatus, assigneeId: number | null): TicketStatus {
  return current === 'new' && assigneeId !== null ? 'open' : current;
}

export const priorityRank = { low: 1, normal: 2, high: 3, urgent: 4 } as const;

export function autoCloseCutoff(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}
