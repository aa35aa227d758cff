// The sla module's front door: service-level policies, the clocks they run on tickets (moved in
// the transaction of each ticket change, ADR 0021), and the sweep that records warnings and
// breaches, notifies and escalates.
export { backfillClocks } from './sla.backfill';
export { clockMover, serviceLevelClocks } from './sla.clocks';
/** The clocks a ticket_sla row keeps, for tests that check seeded data. */
export { parseClocks as parseClocksForTest } from './sla.codec';
export { countTicketsDue } from './sla.due';
export { slaRoutes } from './sla.routes';
export { insertPolicyRow, type SlaService, slaService } from './sla.service';
export { SLA_SWEEP_JOB, sweepServiceLevels } from './sla.sweep';
