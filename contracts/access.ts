import { type Role, roles, staffRoles } from './common';

const managers = ['admin', 'manager'] as const satisfies readonly Role[];
const admins = ['admin'] as const satisfies readonly Role[];

/**
 * Which roles hold each policy that depends on the role alone. The server checks these on every
 * route (`config.access`); the web app reads the same table to show only what a person may do.
 */
export const rolePolicies = {
  'users.read': staffRoles,
  'users.write': managers,
  'users.reset-credentials': admins,
  'teams.read': staffRoles,
  'teams.write': managers,
  'tokens.manage': admins,
  'audit.read': managers,
  'customers.read': staffRoles,
  /** Agents create and correct customers as they work (logging a call, fixing an address). */
  'customers.write': staffRoles,
  'customers.merge': staffRoles,
  'organizations.write': managers,
  'tickets.read': staffRoles,
  'tickets.write': staffRoles,
  /** Categories and custom fields shape everyone's tickets: admins only. */
  'ticket-fields.manage': admins,
  /** Every team's queue counts on the home page; agents see their own teams'. */
  'workload.all-teams': managers,
  /** Shared views are everyone's queues: managers and admins keep them. */
  'views.share': managers,
  'settings.manage': admins,
  /** Business hours: everyone reads the calendars their clocks run on; managers keep them. */
  'business-hours.read': staffRoles,
  'business-hours.manage': managers,
  /** Service-level policies: everyone reads them and the clocks of tickets; managers keep them. */
  'sla.read': staffRoles,
  'sla.manage': managers,
  /** Support contracts: everyone sees what a customer's organisation is entitled to; managers keep them. */
  'contracts.read': staffRoles,
  'contracts.manage': managers,
  /** Customer feedback: managers read every answer and keep the survey settings; a ticket's own rating is read with the ticket. */
  'feedback.read': managers,
  'feedback.manage': managers,
  /** Everyone reads their own scores; follow-ups are read and worked by managers and, for their own teams, team leads (checked in the service). */
  'feedback.own': staffRoles,
  'followups.read': staffRoles,
  'followups.write': staffRoles,
  /** Prometheus metrics: admins (session or token); a configured address range reads them too. */
  'metrics.read': admins,
  /** Mailboxes, mail templates, spam rules, the failed-mail list, and where contact-form and portal requests go: admins only. */
  'channels.manage': admins,
  /** Macros: everyone uses them and keeps personal ones; managers keep the shared ones (and every team's, with each team's lead). */
  'macros.read': staffRoles,
  'macros.write': staffRoles,
  'macros.share': managers,
  /** Routing: managers set each team's method and agents' capacity and skills, and read the routing log. */
  'routing.read': managers,
  'routing.manage': managers,
  /** Agents' presence: managers see everyone's, a team's lead their team's (checked in the service). */
  'presence.read': staffRoles,
  /** Triggers and time-based automations: agents see what acts on their tickets; managers keep them. */
  'automation.read': staffRoles,
  'automation.manage': managers,
  /** The live operations board: managers see every team; a team's lead their teams (checked in the service). */
  'board.read': staffRoles,
  /** The data-quality monitor: managers read the findings, run the checks and apply the safe fixes. */
  'data-quality.read': managers,
  'data-quality.manage': managers,
  /** KPI reports: managers and admins every team's; an agent who leads teams those teams' (checked in the service); other agents none. */
  'reports.read': staffRoles,
  /** Goals: everyone reads the goals they may see (checked in the service); managers keep them, a team's lead their team's and its members'. */
  'goals.read': staffRoles,
  'goals.write': staffRoles,
  /** Every goal, of every team and agent: managers and admins. */
  'goals.all': managers,
  /** Scorecards: an agent their own, a team's lead their team's and its members', managers and admins all (checked in the service). */
  'scorecards.read': staffRoles,
  'scorecards.all': managers,
  /** Reports that leave the app, share links and scheduled mails: managers and admins. */
  'reports.manage': managers,
  /** Testimonials: managers and admins read the quotes customers agreed to, export them and take one off the list; agents and leads do not. */
  'testimonials.read': managers,
  'testimonials.manage': managers,
  /** Referrals: everyone reads and records them (agents hear of them on the phone); managers move the reward state. */
  'referrals.read': staffRoles,
  'referrals.write': staffRoles,
  'referrals.reward': managers,
} as const satisfies Record<string, readonly Role[]>;

export type RolePolicy = keyof typeof rolePolicies;

export function roleHolds(role: Role, policy: RolePolicy): boolean {
  return (rolePolicies[policy] as readonly Role[]).includes(role);
}

/** Managers run their agents' accounts (and customers'); only admins touch admins and managers. */
export function canManageAccount(actor: Role, target: Role): boolean {
  return actor === 'admin' || (actor === 'manager' && (target === 'agent' || target === 'customer'));
}

/** Roles an actor may give to a user they create or edit: those of the accounts they run. */
export function assignableRoles(actor: Role): Role[] {
  return roles.filter((target) => canManageAccount(actor, target));
}
