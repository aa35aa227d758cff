import type { Role } from '../../../contracts/common';
import { AppError } from '../errors';
import type { Actor } from './actor';

const isStaff = (a: Actor) => a.role === 'admin' || a.role === 'manager' || a.role === 'agent';
const isManagerOrAdmin = (a: Actor) => a.role === 'admin' || a.role === 'manager';
const isAdmin = (a: Actor) => a.role === 'admin';

/**
 * Who may do what. Every route names one of these (or 'public'); nothing is open by default.
 * Policies that take a resource are checked in services, with the resource loaded.
 */
export const policies = {
  /** Own profile, password, 2FA and sessions: people only, not API tokens. */
  'profile.manage': (a: Actor) => a.type === 'user',
  'users.read': isStaff,
  'users.write': isManagerOrAdmin,
  /** Managers run their agents' accounts (and customers'); only admins touch admins and managers. */
  'users.manage-account': (a: Actor, target: { role: Role }) =>
    isAdmin(a) || (a.role === 'manager' && (target.role === 'agent' || target.role === 'customer')),
  'users.reset-credentials': isAdmin,
  'teams.read': isStaff,
  'teams.write': isManagerOrAdmin,
  'tokens.manage': isAdmin,
  'audit.read': isManagerOrAdmin,
  'customers.read': isStaff,
  /** Agents create and correct customers as they work (logging a call, fixing an address). */
  'customers.write': isStaff,
  'customers.merge': isStaff,
  'organizations.write': isManagerOrAdmin,
  'tickets.read': isStaff,
  'tickets.write': isStaff,
  /** Categories and custom fields shape everyone's tickets: admins only. */
  'ticket-fields.manage': isAdmin,
  /** Shared views are everyone's queues: managers and admins keep them. */
  'views.share': isManagerOrAdmin,
  'settings.manage': isAdmin,
  /** Prometheus metrics: admins (session or token); a configured address range reads them too. */
  'metrics.read': isAdmin,
  /** Mailboxes, mail templates, spam rules and the failed-mail list: admins only. */
  'channels.manage': isAdmin,
  /** The customer portal: people with the customer role, on their own requests only. */
  'portal.use': (a: Actor) => a.type === 'user' && a.role === 'customer',
} satisfies Record<string, (actor: Actor, resource: never) => boolean>;

type Policies = typeof policies;
export type PolicyName = keyof Policies;
type ResourceArgs<K extends PolicyName> =
  Parameters<Policies[K]> extends [Actor, infer R] ? [resource: R] : [];

/** Policies a route can name: those that need no resource. */
export type RoutePolicy = { [K in PolicyName]: ResourceArgs<K> extends [] ? K : never }[PolicyName];

export function can<K extends PolicyName>(actor: Actor, name: K, ...resource: ResourceArgs<K>): boolean {
  const policy = policies[name] as (actor: Actor, resource?: unknown) => boolean;
  return policy(actor, resource[0]);
}

export function authorize<K extends PolicyName>(actor: Actor, name: K, ...resource: ResourceArgs<K>): void {
  if (!can(actor, name, ...resource)) {
    throw new AppError('FORBIDDEN', 'You do not have permission to do this');
  }
}
