// The automation module's front door: triggers (ordered rules run in the transaction of every
// ticket change) and time-based automations (rules a periodic job runs, each acting on a ticket
// once per matching period).
export { moveToTeam, type RouteTicket, type RulePorts } from './automation.actions';
export { automationRoutes } from './automation.routes';
export { insertAutomationRow, insertTriggerRow, recordPastFirings } from './automation.rows';
export { type AutomationService, automationService } from './automation.service';
export { AUTOMATION_JOB, sweepAutomations } from './automation.sweep';
export { MAX_CHAIN_DEPTH, runTriggersOnChange } from './automation.triggers';
