import { initialsOf } from '../../../contracts/text';
import type { User } from '../../../contracts/users';
import { parseStringList } from '../../platform/json';
import type { ListedUserRow, TeamRef } from './users.repository';

export function toUser(row: ListedUserRow, teams: TeamRef[]): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    initials: initialsOf(row.name),
    timezone: row.timezone,
    skills: parseStringList(row.skills),
    languages: parseStringList(row.languages),
    teams,
    status: row.deactivated_at ? 'deactivated' : 'active',
    twoFactorEnabled: row.totp_enabled_at !== null,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The audited view of a user: what a person would call its fields. */
export function auditSnapshot(user: User): Record<string, unknown> {
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    timezone: user.timezone,
    skills: user.skills,
    languages: user.languages,
    teams: user.teams.map((t) => t.name),
    status: user.status,
    twoFactorEnabled: user.twoFactorEnabled,
  };
}
