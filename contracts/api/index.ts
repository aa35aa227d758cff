import { auditRoutes } from './audit';
import { authRoutes, profileRoutes } from './auth';
import { automationsRoutes, triggersRoutes } from './automation';
import { boardRoutes } from './board';
import { businessHoursRoutes } from './business-hours';
import { contractsRoutes } from './contracts';
import { customersRoutes, organizationsRoutes } from './customers';
import { dataQualityRoutes } from './data-quality';
import { feedbackRoutes } from './feedback';
import { feedbackLoopRoutes } from './feedback-loop';
import { goalsRoutes, scorecardsRoutes } from './goals';
import { jobsRoutes } from './jobs';
import { macrosRoutes } from './macros';
import { mailRoutes } from './mail';
import { npsRoutes } from './nps';
import { portalRoutes, publicRoutes } from './portal';
import { referralsRoutes } from './referrals';
import { reportDeliveryRoutes } from './report-delivery';
import { reportsRoutes } from './reports';
import type { Route } from './route';
import { presenceRoutes, routingRoutes } from './routing';
import { sideConversationsRoutes } from './side-conversations';
import { slaRoutes } from './sla';
import { teamsRoutes } from './teams';
import { testimonialsRoutes } from './testimonials';
import { ticketFieldsRoutes } from './ticket-fields';
import { ticketsRoutes, viewsRoutes } from './tickets';
import { tokensRoutes } from './tokens';
import { spikeAlertsRoutes, trendsRoutes } from './trends';
import { usersRoutes } from './users';
import { workloadRoutes } from './workload';

export type { Method, Route } from './route';

/**
 * Every route the server registers under /api/v1, by area, with the schemas it validates and
 * answers with. The web client can only call what is listed here.
 */
export const routes = {
  auth: authRoutes,
  profile: profileRoutes,
  users: usersRoutes,
  teams: teamsRoutes,
  tokens: tokensRoutes,
  audit: auditRoutes,
  customers: customersRoutes,
  organizations: organizationsRoutes,
  ticketFields: ticketFieldsRoutes,
  tickets: ticketsRoutes,
  sideConversations: sideConversationsRoutes,
  views: viewsRoutes,
  workload: workloadRoutes,
  jobs: jobsRoutes,
  businessHours: businessHoursRoutes,
  sla: slaRoutes,
  contracts: contractsRoutes,
  macros: macrosRoutes,
  mail: mailRoutes,
  portal: portalRoutes,
  public: publicRoutes,
  feedback: feedbackRoutes,
  nps: npsRoutes,
  reports: reportsRoutes,
  reportDelivery: reportDeliveryRoutes,
  feedbackLoop: feedbackLoopRoutes,
  routing: routingRoutes,
  presence: presenceRoutes,
  triggers: triggersRoutes,
  automations: automationsRoutes,
  board: boardRoutes,
  dataQuality: dataQualityRoutes,
  trends: trendsRoutes,
  spikeAlerts: spikeAlertsRoutes,
  goals: goalsRoutes,
  scorecards: scorecardsRoutes,
  testimonials: testimonialsRoutes,
  referrals: referralsRoutes,
} satisfies Record<string, Record<string, Route>>;

/** The table as a flat list, for checks that walk every route. */
export function allRoutes(): Route[] {
  return Object.values(routes).flatMap((area): Route[] => Object.values(area));
}
