import type { z } from 'zod';
import type { AuditAction } from '../../../contracts/audit-actions';
import type { loginBody, Me } from '../../../contracts/auth';
import type { Role } from '../../../contracts/common';
import type { Config } from '../../config';
import type { Db, DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { sessionsRepository } from '../../platform/auth/sessions.repository';
import { addMinutes, nowIso } from '../../platform/clock';
import { burnPasswordCheck, randomToken, sha256, verifyPassword } from '../../platform/crypto';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { findCredentialsByEmail, loadUser, updateCredentials } from '../users';
import { failedSignIns, spendTotp } from './auth.totp';

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
  action: Extract<AuditAction, 'auth.login' | 'auth.magic_link'>,
): Promise<NewSession> {
  const now = nowIso();
  const cookieValue = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = addMinutes(now, config.sessionTtlHours * 60);
  const sessionId = sha256(cookieValue);
  await db.transaction().execute(async (trx) => {
    await updateCredentials(trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: now });
    await sessionsRepository.createSession(trx, {
      id: sessionId,
      userId: user.id,
      csrfToken,
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      now,
      expiresAt,
    });
    await sessionsRepository.deleteExpiredSessions(trx, now);
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

/**
 * One answer for every refused sign-in (unknown address, wrong password, locked or closed
 * account): the same status, code and message, so the answer tells a stranger nothing.
 */
export const invalidCredentials = (minutes: number) =>
  new AppError(
    'INVALID_CREDENTIALS',
    `The email or password is not correct. After several failed attempts, sign-in pauses for ${minutes} minutes.`,
  );

/** What other modules do when someone signs out, in the sign-out's transaction (the registry passes it in). */
export interface SignOutHooks {
  signedOut?: (db: DbOrTrx, userId: number, now: string) => Promise<void>;
}

export function authService({ db, config, live }: AppDeps, hooks: SignOutHooks = {}) {
  const refused = () => invalidCredentials(config.login.lockoutMinutes);
  const failures = failedSignIns(db, config);

  return {
    async login(input: LoginInput, client: ClientInfo): Promise<NewSession> {
      const user = await findCredentialsByEmail(db, input.email);
      const now = nowIso();
      const locked = user?.locked_until != null && user.locked_until > now;
      if (!user || user.deactivated_at || !user.password_hash || locked) {
        // The same work as a wrong password, so the time taken does not tell either.
        await burnPasswordCheck(input.password);
        throw refused();
      }
      if (!(await verifyPassword(user.password_hash, input.password))) {
        await failures.record(user, client);
        throw refused();
      }
      if (user.totp_enabled_at && user.totp_secret) {
        if (!input.totp)
          throw new AppError('TOTP_REQUIRED', 'Enter the six-digit code from your authenticator app');
        if (!(await spendTotp(db, user, input.totp))) {
          await failures.record(user, client);
          throw new AppError('INVALID_CREDENTIALS', 'The two-factor code is not correct');
        }
      }
      return startSession(db, config, user, client, 'auth.login');
    },

    async logout(ctx: RequestContext): Promise<void> {
      if (ctx.actor.type !== 'user' || !ctx.actor.sessionId) return;
      const sessionId = ctx.actor.sessionId;
      await db.transaction().execute(async (trx) => {
        await sessionsRepository.deleteSession(trx, sessionId);
        await hooks.signedOut?.(trx, ctx.actor.id, nowIso());
        await recordAudit(trx, ctx, {
          action: 'auth.logout',
          entityType: 'user',
          entityId: ctx.actor.id,
          changes: {},
        });
      });
      live.publish({ type: 'access.changed', userId: ctx.actor.id });
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
      const session = actor.sessionId ? await sessionsRepository.findSession(db, actor.sessionId) : undefined;
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
