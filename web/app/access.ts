import type { Role } from '../../contracts/common';

/** What each role may do in the web app. Mirrors the server's policies; the server still decides. */
const capabilities = {
  staff: ['admin', 'manager', 'agent'],
  'users.read': ['admin', 'manager', 'agent'],
  'users.write': ['admin', 'manager'],
  'users.reset-credentials': ['admin'],
  'teams.read': ['admin', 'manager', 'agent'],
  'teams.write': ['admin', 'manager'],
  'tokens.manage': ['admin'],
  'audit.read': ['admin', 'manager'],
  'tickets.work': ['admin', 'manager', 'agent'],
  'customers.write': ['admin', 'manager', 'agent'],
  'organizations.write': ['admin', 'manager'],
  'views.share': ['admin', 'manager'],
  'ticket-fields.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof capabilities;

export function can(role: Role, capability: Capability): boolean {
  return (capabilities[capability] as readonly Role[]).includes(role);
}

/** Admins run every account; managers run agents' and customers' accounts. */
export function canManageAccount(actor: Role, target: Role): boolean {
  return actor === 'admin' || (actor === 'manager' && (target === 'agent' || target === 'customer'));
}

/** Roles an actor may give to a user they create or edit. */
export function assignableRoles(actor: Role): Role[] {
  if (actor === 'admin') return ['admin', 'manager', 'agent', 'customer'];
  if (actor === 'manager') return ['agent', 'customer'];
  return [];
}

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  agent: 'Agent',
  customer: 'Customer',
};
