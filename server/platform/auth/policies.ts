import { canManageAccount, type RolePolicy, roleHolds, rolePolicies } from '../../../contracts/access';
import type { Role } from '../../../contracts/common';
import type { MacroVisibility } from '../../../contracts/macros';
import { canRemoveTimeEntry } from '../../../contracts/time-entries';
import { AppError } from '../errors';
import type { Actor } from './actor';

/** The role-only policies of the shared table, as checks on an actor. */
const byRole = Object.fromEntries(
  (Object.keys(rolePolicies) as RolePolicy[]).map((name) => [name, (a: Actor) => roleHolds(a.role, name)]),
) as Record<RolePolicy, (a: Actor) => boolean>;

/**
 * Who may do what. Every route names one of these (or 'public'); nothing is open by default.
 * Policies that take a resource are checked in services, with the resource loaded. The
 * role → policy table lives in contracts/access.ts, shared with the web app.
 */
export const policies = {
  ...byRole,
  /** Own profile, password, 2FA and sessions: people only, not API tokens. */
  'profile.manage': (a: Actor) => a.type === 'user',
  /** Managers run their agents' accounts (and customers'); only admins touch admins and managers. */
  'users.manage-account': (a: Actor, target: { role: Role }) => canManageAccount(a.role, target.role),
  /** The customer portal: people with the customer role, on their own requests only. */
  'portal.use': (a: Actor) => a.type === 'user' && a.role === 'customer',
  /** A macro: a personal one by its owner only; a team's by managers and that team's lead; a shared one by managers. */
  'macros.manage': (
    a: Actor,
    macro: { visibility: MacroVisibility; ownerId: number | null; teamLeadId: number | null },
  ) => {
    const isUser = (id: number | null) => a.type === 'user' && id !== null && a.id === id;
    if (macro.visibility === 'personal') return isUser(macro.ownerId);
    if (roleHolds(a.role, 'macros.share')) return true;
    return macro.visibility === 'team' && roleHolds(a.role, 'macros.write') && isUser(macro.teamLeadId);
  },
  /** One's own presence (online, away, offline): staff people only, not API tokens. */
  'presence.own': (a: Actor) => a.type === 'user' && a.role !== 'customer',
  /** Log time spent on a ticket: staff people only; an API token has no one whose time it could be. */
  'time.log': (a: Actor) => a.type === 'user' && roleHolds(a.role, 'tickets.write'),
  /** A time entry on a ticket: removed by its author, or by managers and admins (tokens of those roles too). */
  'time.remove': (a: Actor, entry: { userId: number | null }) =>
    canRemoveTimeEntry({ role: a.role, userId: a.type === 'user' ? a.id : null }, entry),
} satisfies Record<string, (actor: Actor, resource: never) => boolean>;

/** What a refusal says where "Your role does not allow this" would not tell the caller why. */
export const refusals: Partial<Record<keyof typeof policies, string>> = {
  'time.log': 'Time is logged by the person who spent it; an API token cannot log time',
};

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
    throw new AppError('FORBIDDEN', refusals[name] ?? 'You do not have permission to do this');
  }
}
