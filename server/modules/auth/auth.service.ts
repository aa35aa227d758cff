import type { z } from 'zod';
import type { loginBody, Me } from '../../../contracts/auth';
import type { Role } from '../../../contracts/common';
import type { Config } from '../../config';
import type { Db, DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { addMinutes, nowIso } from '../../platform/clock';
import { burnPasswordCheck, randomToken, sha256, verifyPassword } from '../../platform/crypto';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { verifyTotp } from '../../platform/totp';
import { loadUser } from '../users/users.service';
import { authRepository as repo } from './auth.repository';

type LoginInput = z.output<typeof loginBody>;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface NewSession {
  cookieValue: string;
  csrfToken: string;
  expiresAt: string;
  user: Me;
}

export async function loadMe(db: DbOrTrx, userId: number): Promise<Me> {
  const { status: _status, createdAt: _c, updatedAt: _u, ...me } = await loadUser(db, userId);
  return me;
}

/**
 * Opens a session for someone who proved who they are (password, 2FA, or a sign-in link):
 * clears failed attempts, stores the session and records the sign-in.
 */
export async function startSession(
  db: Db,
  config: Config,
  user: { id: number; name: string; email: string; role: Role },
  client: ClientInfo,
  action: string,
): Promise<NewSession> {
  const now = nowIso();
  const cookieValue = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = addMinutes(now, config.sessionTtlHours * 60);
  const sessionId = sha256(cookieValue);
  await db.transaction().execute(async (trx) => {
    await repo.updateCredentials(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
    await repo.createSession(trx, {
      id: sessionId,
      userId: user.id,
      csrfToken,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      now,
      expiresAt,
    });
    await repo.deleteExpiredSessions(trx, now);
    await recordAudit(
      trx,
      {
        actor: { type: 'user', id: user.id, name: user.name, email: user.email, role: user.role, sessionId },
        ip: client.ip,
      },
      { action, entityType: 'user', entityId: user.id, changes: {} },
    );
  });
  return { cookieValue, csrfToken, expiresAt, user: await loadMe(db, user.id) };
}

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 'The email or password is not correct');

export function authService({ db, config }: AppDeps) {
  const { lockoutThreshold, lockoutMinutes } = config.login;

  async function recordFailure(userId: number, failedLogins: number, client: ClientInfo, email: string) {
    const attempts = failedLogins + 1;
    const now = nowIso();
    const lock = attempts >= lockoutThreshold;
    await db.transaction().execute(async (trx) => {
      await repo.updateCredentials(trx, userId, {
        failed_logins: lock ? 0 : attempts,
        locked_until: lock ? addMinutes(now, lockoutMinutes) : null,
      });
      await recordAudit(
        trx,
        {
          actor: { type: 'user', id: userId, name: email, email, role: 'agent', sessionId: null },
          ip: client.ip,
        },
        {
          action: lock ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: userId,
          changes: { failedLogins: { before: failedLogins, after: attempts } },
        },
      );
    });
  }

  return {
    async login(input: LoginInput, client: ClientInfo): Promise<NewSession> {
      const user = await repo.findCredentialsByEmail(db, input.email);
      if (!user || user.deactivated_at || !user.password_hash) {
        await burnPasswordCheck(input.password);
        throw invalidCredentials();
      }
      const now = nowIso();
      if (user.locked_until && user.locked_until > now) {
        throw new AppError(
          'ACCOUNT_LOCKED',
          `Too many failed sign-ins. This account is locked until ${user.locked_until.slice(11, 16)} UTC.`,
          { lockedUntil: user.locked_until },
        );
      }
      if (!(await verifyPassword(user.password_hash, input.password))) {
        await recordFailure(user.id, user.failed_logins, client, user.email);
        throw invalidCredentials();
      }
      if (user.totp_enabled_at && user.totp_secret) {
        if (!input.totp)
          throw new AppError('TOTP_REQUIRED', 'Enter the six-digit code from your authenticator app');
        if (!(await verifyTotp(user.totp_secret, input.totp))) {
          await recordFailure(user.id, user.failed_logins, client, user.email);
          throw new AppError('INVALID_CREDENTIALS', 'The two-factor code is not correct');
        }
      }
      return startSession(db, config, user, client, 'auth.login');
    },

    async logout(ctx: RequestContext): Promise<void> {
      if (ctx.actor.type !== 'user' || !ctx.actor.sessionId) return;
      const sessionId = ctx.actor.sessionId;
      await db.transaction().execute(async (trx) => {
        await repo.deleteSession(trx, sessionId);
        await recordAudit(trx, ctx, {
          action: 'auth.logout',
          entityType: 'user',
          entityId: ctx.actor.id,
          changes: {},
        });
      });
    },

    async current(ctx: RequestContext) {
      const actor = ctx.actor;
      if (actor.type === 'token') {
        return {
          user: null,
          token: { id: actor.id, name: actor.name, role: actor.role },
          csrfToken: null,
          expiresAt: null,
        };
      }
      const session = actor.sessionId ? await repo.findSession(db, actor.sessionId) : undefined;
      return {
        user: await loadMe(db, actor.id),
        token: null,
        csrfToken: session?.csrf_token ?? null,
        expiresAt: session?.expires_at ?? null,
      };
    },
  };
}

export type AuthService = ReturnType<typeof authService>;
