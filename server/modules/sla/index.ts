// The sla module's front door: service-level policies, the clocks they run on tickets (moved in
// the transaction of each ticket change, ADR 0021), and the sweep that records warnings and
// breaches, notifies and escalates.
export { moveClocks } from './sla.clocks';
export { slaRoutes } from './sla.routes';
export { type SlaService, slaService } from './sla.service';
export { SLA_SWEEP_JOB, sweepServiceLevels } from './sla.sweep';
