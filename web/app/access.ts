import { type RolePolicy, roleHolds } from '../../contracts/access';
import type { Role } from '../../contracts/common';

export { assignableRoles, canManageAccount } from '../../contracts/access';

/** What a role may do in the web app: the server's own policy table; the server still decides. */
export function can(role: Role, policy: RolePolicy): boolean {
  return roleHolds(role, policy);
}

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  agent: 'Agent',
  customer: 'Customer',
};
