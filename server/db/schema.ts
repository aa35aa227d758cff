import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Timestamps are ISO-8601 UTC strings in both dialects (timestamptz on PostgreSQL, normalised on read). */
type Timestamp = string;

export type Role = 'admin' | 'manager' | 'agent' | 'customer';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string | null;
  timezone: string;
  /** JSON array of strings */
  skills: string;
  /** JSON array of language codes */
  languages: string;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: Timestamp | null;
  failed_logins: Generated<number>;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  deactivated_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  description: string;
  lead_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  team_id: number;
  user_id: number;
  created_at: Timestamp;
}

export interface SessionsTable {
  /** sha256 of the cookie value */
  id: string;
  user_id: number;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  role: Exclude<Role, 'customer'>;
  token_hash: string;
  token_prefix: string;
  created_by: number | null;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_type: 'user' | 'token' | 'system';
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** JSON object: field -> { before, after } */
  changes: string;
  ip: string | null;
  created_at: Timestamp;
}

export interface OrganizationsTable {
  id: Generated<number>;
  name: string;
  /** JSON array of email domains whose senders belong here */
  domains: string;
  notes: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CustomersTable {
  id: Generated<number>;
  email: string | null;
  name: string;
  phone: string | null;
  organization_id: number | null;
  timezone: string | null;
  language: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_log: AuditLogTable;
  organizations: OrganizationsTable;
  customers: CustomersTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type TeamRow = Selectable<TeamsTable>;
export type SessionRow = Selectable<SessionsTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
export type AuditRow = Selectable<AuditLogTable>;
