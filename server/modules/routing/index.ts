// The routing module's front door: each team's assignment method (manual, round robin, least
// loaded), agents' capacity, skills and presence, the routing of a ticket (in the transaction of
// the change that calls for it), the routing log, and the unassigned-ticket alerts.
export { AWAY_AFTER_MINUTES, PRESENCE_SWEEP_JOB, setPresence, signedOut, sweepPresence } from './presence';
export { alertUnassignedTickets, UNASSIGNED_ALERTS_JOB } from './routing.alerts';
export { type StandingAlert, staffWithPresence, standingUnassignedAlerts, teamsLedBy } from './routing.board';
export { detectLanguage } from './routing.language';
export {
  decideRoute,
  openingAssigner,
  type RoutingOutcome,
  redistributeTickets,
  routeOnTicketEvents,
  routeTicket,
  routingContext,
} from './routing.route';
export { routingRoutes } from './routing.routes';
export { type RoutingService, routingService, setAgentRouting, setTeamRouting } from './routing.service';
