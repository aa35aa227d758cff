import type { z } from 'zod';
import { usersPage } from '../../../contracts/api/users';
import type { createUserBody, listUsersQuery, UpdateUserBody, User } from '../../../contracts/users';
import type { DbOrTrx } from '../../db/database';
import { isUniqueViolation } from '../../db/errors';
import { tablesStamp } from '../../db/stamps';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { endUserSessions } from '../../platform/auth/sessions';
import { nowIso } from '../../platform/clock';
import { hashPassword } from '../../platform/crypto';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { keptWhileUnchanged } from '../../platform/kept';
import { cursorId, type Page, toPage } from '../../platform/pagination';
import { prerendered } from '../../platform/prerendered';
import { findOrCreateCustomer } from '../customers';
import { clearLeadership, setTeamsOfUser } from '../teams';
import { auditSnapshot, toUser } from './users.mapper';
import { usersRepository as repo } from './users.repository';

type CreateUserInput = z.output<typeof createUserBody>;
type ListUsersInput = z.output<typeof listUsersQuery>;

/** Inserts a bare account (portal sign-up through a link); people-facing creation goes through the service. */
export function insertUserRow(
  db: DbOrTrx,
  values: { email: string; name: string; role: 'customer'; customerId: number; now: string },
): Promise<number> {
  return repo.insert(db, {
    email: values.email,
    name: values.name,
    role: values.role,
    customer_id: values.customerId,
    password_hash: null,
    timezone: 'UTC',
    skills: '[]',
    languages: '[]',
    created_at: values.now,
    updated_at: values.now,
  });
}

/** A customer merge moves the merged customer's portal accounts to the customer that stays. */
export const movePortalAccounts = (db: DbOrTrx, fromCustomerId: number, toCustomerId: number) =>
  repo.movePortalAccounts(db, fromCustomerId, toCustomerId);

/** Ties a portal account to the customer its email belongs to. */
export const linkToCustomer = (db: DbOrTrx, userId: number, customerId: number) =>
  repo.linkUserToCustomer(db, userId, customerId);

export async function loadUser(db: DbOrTrx, id: number): Promise<User> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('USER_NOT_FOUND', `User ${id}`);
  const teams = await repo.teamsOf(db, [id]);
  return toUser(row, teams.get(id) ?? []);
}

async function assertTeamsExist(db: DbOrTrx, teamIds: number[]) {
  const unique = [...new Set(teamIds)];
  const found = new Set(await repo.existingTeamIds(db, unique));
  const missing = unique.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('VALIDATION_FAILED', `Unknown team ${missing.join(', ')}`, [
      { path: ['teamIds'], message: `No team with id ${missing.join(', ')}` },
    ]);
  }
  return unique;
}

async function assertNotLastAdmin(db: DbOrTrx, user: User) {
  if (user.role === 'admin' && user.status === 'active' && (await repo.countActiveAdmins(db)) <= 1) {
    throw new AppError(
      'LAST_ADMIN',
      'Steward needs at least one active admin; make someone else admin first',
    );
  }
}

/** A new deactivation time, null to reactivate, or undefined to leave it as it is. */
function deactivationChange(current: User['status'], wanted: User['status'] | undefined, now: string) {
  if (wanted === undefined || wanted === current) return undefined;
  return wanted === 'deactivated' ? now : null;
}

function emailTaken(email: string) {
  return new AppError('EMAIL_TAKEN', `A user with the email ${email} already exists`, [
    { path: ['email'], message: 'Already in use' },
  ]);
}

/** One account row by id. */
export const findUserRow = repo.findById;
/** Accounts' names by id (the audit log names whom an entry is about). */
export const userNames = repo.namesByIds;

/** The active managers, who hear of missed service levels. */
export const activeManagerIds = (db: DbOrTrx) => repo.activeIdsWithRole(db, 'manager');
/** Changes fields of an account (the profile use cases of auth). */
export const updateUserRow = repo.update;
/** Stores an account row as given (seed data). */
export const insertUserAccount = repo.insert;

/** An account with its credential columns, by email (sign-in). */
export const findCredentialsByEmail = repo.findCredentialsByEmail;
/** An account with its credential columns, by id (the profile). */
export const findCredentialsById = repo.findCredentialsById;
/** Changes credential columns: password, 2FA, lockout, last sign-in. */
export const updateCredentials = repo.updateCredentials;
/** Counts a failed sign-in and locks the account past the limit. */
export const recordFailedLogin = repo.recordFailedLogin;
/** Spends a 2FA time step once; false when it was already used. */
export const claimTotpStep = repo.claimTotpStep;

/** What a page of users is read from: a page is kept while none of them changes. */
const LISTED_TABLES = ['users', 'team_members', 'teams'] as const;

export function usersService({ db, live, config }: AppDeps) {
  const keptPages = keptWhileUnchanged<Buffer>(config.caches);

  /** A page of users, checked against the route's schema once and kept as the bytes that go out. */
  async function renderPage(query: ListUsersInput): Promise<Buffer> {
    const rows = await repo.list(db, query, cursorId(query.cursor));
    const teams = await repo.teamsOf(
      db,
      rows.map((r) => r.id),
    );
    const page = toPage(
      rows,
      query.limit,
      (row) => toUser(row, teams.get(row.id) ?? []),
      (row) => [row.id],
    );
    return Buffer.from(JSON.stringify(usersPage.parse(page)));
  }

  return {
    async list(ctx: RequestContext, query: ListUsersInput) {
      authorize(ctx.actor, 'users.read');
      // Every admin screen and picker asks for the same pages, and users change rarely.
      const stamp = await tablesStamp(db, LISTED_TABLES);
      const body = await keptPages.answer(stamp, JSON.stringify(query), () => renderPage(query));
      return prerendered<Page<User>>(body);
    },

    async get(ctx: RequestContext, id: number) {
      authorize(ctx.actor, 'users.read');
      return loadUser(db, id);
    },

    async create(ctx: RequestContext, input: CreateUserInput): Promise<User> {
      authorize(ctx.actor, 'users.manage-account', { role: input.role });
      const passwordHash = input.password ? await hashPassword(input.password) : null;
      try {
        return await db.transaction().execute(async (trx) => {
          if (await repo.findByEmail(trx, input.email)) throw emailTaken(input.email);
          const teamIds = await assertTeamsExist(trx, input.teamIds);
          const now = nowIso();
          const customerId =
            input.role === 'customer'
              ? (await findOrCreateCustomer(trx, { email: input.email, name: input.name }, now)).id
              : null;
          const id = await repo.insert(trx, {
            customer_id: customerId,
            email: input.email,
            name: input.name,
            role: input.role,
            password_hash: passwordHash,
            timezone: input.timezone,
            skills: JSON.stringify(input.skills),
            languages: JSON.stringify(input.languages),
            created_at: now,
            updated_at: now,
          });
          await setTeamsOfUser(trx, id, teamIds, now);
          const user = await loadUser(trx, id);
          const after = { ...auditSnapshot(user), password: passwordHash ? 'set' : null };
          await recordAudit(trx, ctx, { action: 'user.created', entityType: 'user', entityId: id, after });
          return user;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw emailTaken(input.email);
        throw error;
      }
    },

    async update(ctx: RequestContext, id: number, input: UpdateUserBody): Promise<User> {
      try {
        const updated = await db.transaction().execute(async (trx) => {
          const before = await loadUser(trx, id);
          authorize(ctx.actor, 'users.manage-account', before);
          if (input.role) authorize(ctx.actor, 'users.manage-account', { role: input.role });
          const demoted = input.role !== undefined && input.role !== 'admin';
          if (demoted || input.status === 'deactivated') await assertNotLastAdmin(trx, before);
          if (input.email && input.email !== before.email && (await repo.findByEmail(trx, input.email))) {
            throw emailTaken(input.email);
          }
          const now = nowIso();
          await repo.update(trx, id, {
            email: input.email,
            name: input.name,
            role: input.role,
            timezone: input.timezone,
            skills: input.skills ? JSON.stringify(input.skills) : undefined,
            languages: input.languages ? JSON.stringify(input.languages) : undefined,
            deactivated_at: deactivationChange(before.status, input.status, now),
            updated_at: now,
          });
          if (input.teamIds) {
            const teamIds = await assertTeamsExist(trx, input.teamIds);
            await setTeamsOfUser(trx, id, teamIds, now);
            await clearLeadership(trx, id, teamIds, now);
          }
          if (input.status === 'deactivated') {
            await endUserSessions(trx, id);
            await clearLeadership(trx, id, null, now);
          }
          const after = await loadUser(trx, id);
          await recordAudit(trx, ctx, {
            action:
              input.status === 'deactivated' && before.status === 'active'
                ? 'user.deactivated'
                : 'user.updated',
            entityType: 'user',
            entityId: id,
            before: auditSnapshot(before),
            after: auditSnapshot(after),
          });
          return { before, after };
        });
        // Open live sockets of a deactivated user, or one with a new role, close; so do their tokens'.
        if (updated.before.role !== updated.after.role || updated.before.status !== updated.after.status)
          live.publish({ type: 'access.changed', userId: id });
        return updated.after;
      } catch (error) {
        if (isUniqueViolation(error) && input.email) throw emailTaken(input.email);
        throw error;
      }
    },

    async resetPassword(ctx: RequestContext, id: number, password: string): Promise<void> {
      authorize(ctx.actor, 'users.reset-credentials');
      const passwordHash = await hashPassword(password);
      await db.transaction().execute(async (trx) => {
        await loadUser(trx, id);
        const now = nowIso();
        await repo.update(trx, id, {
          password_hash: passwordHash,
          failed_logins: 0,
          locked_until: null,
          updated_at: now,
        });
        await endUserSessions(trx, id);
        await recordAudit(trx, ctx, {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: id,
          changes: { password: { before: '[redacted]', after: '[redacted]' } },
        });
      });
      live.publish({ type: 'access.changed', userId: id });
    },

    async resetTwoFactor(ctx: RequestContext, id: number): Promise<User> {
      authorize(ctx.actor, 'users.reset-credentials');
      return db.transaction().execute(async (trx) => {
        const before = await loadUser(trx, id);
        await repo.update(trx, id, {
          totp_secret: null,
          totp_pending_secret: null,
          totp_enabled_at: null,
          updated_at: nowIso(),
        });
        const after = await loadUser(trx, id);
        await recordAudit(trx, ctx, {
          action: 'user.two_factor_reset',
          entityType: 'user',
          entityId: id,
          before: { twoFactorEnabled: before.twoFactorEnabled },
          after: { twoFactorEnabled: after.twoFactorEnabled },
        });
        return after;
      });
    },

    async signOutEverywhere(ctx: RequestContext, id: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const user = await loadUser(trx, id);
        authorize(ctx.actor, 'users.manage-account', user);
        const ended = await endUserSessions(trx, id);
        await recordAudit(trx, ctx, {
          action: 'user.sessions_revoked',
          entityType: 'user',
          entityId: id,
          changes: { sessions: { before: ended, after: 0 } },
        });
      });
      live.publish({ type: 'access.changed', userId: id });
    },
  };
}

export type UsersService = ReturnType<typeof usersService>;
