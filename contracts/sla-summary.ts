import { z } from 'zod';
import { isoTimestamp } from './common';

// The part of service levels a ticket row carries; a leaf, so contracts/tickets.ts can use it.

/**
 * What a service-level target measures:
 * - first reply: from the ticket's opening to the first answer of an agent;
 * - next reply: from a customer's message to the agent's answer to it (after the first);
 * - periodic update: from each public reply of an agent to the next one, while the ticket is open;
 * - resolution: from the opening until the ticket is solved (a reopened ticket runs on).
 */
export const slaMetrics = ['first_reply', 'next_reply', 'periodic_update', 'resolution'] as const;
export type SlaMetric = (typeof slaMetrics)[number];
export const slaMetricSchema = z.enum(slaMetrics);

export const slaMetricLabels: Record<SlaMetric, string> = {
  first_reply: 'First reply',
  next_reply: 'Next reply',
  periodic_update: 'Periodic update',
  resolution: 'Resolution',
};

/** The next clock of a ticket, kept on the ticket row so lists sort and filter by it. */
export const ticketSlaSummary = z
  .object({
    metric: slaMetricSchema,
    dueAt: isoTimestamp.nullable().describe('Null while the clock is paused'),
    warnAt: isoTimestamp.nullable(),
  })
  .nullable()
  .describe('The clock that runs out next, or null when no target runs');
export type TicketSlaSummary = z.infer<typeof ticketSlaSummary>;

/** How a clock reads at `now`: ok, warning (past its warning share), breached, paused or done. */
export type SlaTone = 'ok' | 'warning' | 'breached' | 'paused';
export function slaTone(clock: { dueAt: string | null; warnAt: string | null }, now: number): SlaTone {
  if (!clock.dueAt) return 'paused';
  if (Date.parse(clock.dueAt) <= now) return 'breached';
  if (clock.warnAt && Date.parse(clock.warnAt) <= now) return 'warning';
  return 'ok';
}
