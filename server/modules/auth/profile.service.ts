import type { Me, SessionListItem, TwoFactorSetup } from '../../../contracts/auth';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { endUserSessions } from '../../platform/auth/sessions';
import { sessionsRepository } from '../../platform/auth/sessions.repository';
import { nowIso } from '../../platform/clock';
import { hashPassword, verifyPassword } from '../../platform/crypto';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { newTotpSecret, totpQrDataUrl, totpUri } from '../../platform/totp';
import { findCredentialsById, updateCredentials, updateUserRow } from '../users';
import { loadMe } from './auth.service';
import { spendTotp } from './auth.totp';

/** What people do to their own account: name and timezone, password, two-factor, sessions. */
export function profileService({ db, live }: AppDeps) {
  function self(ctx: RequestContext) {
    if (ctx.actor.type !== 'user') throw new AppError('FORBIDDEN', 'API tokens have no profile');
    return { userId: ctx.actor.id, sessionId: ctx.actor.sessionId };
  }

  async function credentials(userId: number) {
    const user = await findCredentialsById(db, userId);
    if (!user) throw notFound('USER_NOT_FOUND', 'Your account');
    return user;
  }

  return {
    async update(
      ctx: RequestContext,
      input: { name?: string; timezone?: string; languages?: string[] },
    ): Promise<Me> {
      const { userId } = self(ctx);
      return db.transaction().execute(async (trx) => {
        const before = await loadMe(trx, userId);
        await updateUserRow(trx, userId, {
          name: input.name,
          timezone: input.timezone,
          languages: input.languages ? JSON.stringify(input.languages) : undefined,
          updated_at: nowIso(),
        });
        const after = await loadMe(trx, userId);
        const pick = (m: Me) => ({ name: m.name, timezone: m.timezone, languages: m.languages });
        await recordAudit(trx, ctx, {
          action: 'user.profile_updated',
          entityType: 'user',
          entityId: userId,
          before: pick(before),
          after: pick(after),
        });
        return after;
      });
    },

    async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
      const { userId, sessionId } = self(ctx);
      const user = await credentials(userId);
      const hasPassword = user.password_hash !== null;
      if (hasPassword && !(await verifyPassword(user.password_hash, currentPassword))) {
        throw new AppError('PASSWORD_INCORRECT', 'The current password is not correct', [
          { path: ['currentPassword'], message: 'Not correct' },
        ]);
      }
      const passwordHash = await hashPassword(newPassword);
      await db.transaction().execute(async (trx) => {
        await updateCredentials(trx, userId, { password_hash: passwordHash, updated_at: nowIso() });
        await endUserSessions(trx, userId, sessionId);
        await recordAudit(trx, ctx, {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: userId,
          changes: { password: { before: '[redacted]', after: '[redacted]' } },
        });
      });
      live.publish({ type: 'access.changed', userId });
    },

    async startTwoFactor(ctx: RequestContext): Promise<TwoFactorSetup> {
      const { userId } = self(ctx);
      const user = await credentials(userId);
      if (user.totp_enabled_at) {
        throw new AppError(
          'TWO_FACTOR_ALREADY_ENABLED',
          'Two-factor sign-in is already on; turn it off first to set up a new device',
        );
      }
      const secret = newTotpSecret();
      await updateCredentials(db, userId, { totp_pending_secret: secret });
      const otpauthUrl = totpUri(secret, user.email);
      return { secret, otpauthUrl, qrCodeDataUrl: await totpQrDataUrl(otpauthUrl) };
    },

    async enableTwoFactor(ctx: RequestContext, code: string): Promise<Me> {
      const { userId } = self(ctx);
      const user = await credentials(userId);
      if (!user.totp_pending_secret) {
        throw new AppError('TWO_FACTOR_NOT_PENDING', 'Start the two-factor set-up first to get a secret');
      }
      if (!(await spendTotp(db, user, code, user.totp_pending_secret))) {
        throw new AppError(
          'TOTP_INVALID',
          'The code does not match; check the time on your device and try again',
          [{ path: ['code'], message: 'Not correct' }],
        );
      }
      const secret = user.totp_pending_secret;
      return db.transaction().execute(async (trx) => {
        const now = nowIso();
        await updateCredentials(trx, userId, {
          totp_secret: secret,
          totp_pending_secret: null,
          totp_enabled_at: now,
          updated_at: now,
        });
        await recordAudit(trx, ctx, {
          action: 'user.two_factor_enabled',
          entityType: 'user',
          entityId: userId,
          changes: { twoFactorEnabled: { before: false, after: true } },
        });
        return loadMe(trx, userId);
      });
    },

    async disableTwoFactor(ctx: RequestContext, password: string): Promise<Me> {
      const { userId } = self(ctx);
      const user = await credentials(userId);
      if (!(await verifyPassword(user.password_hash, password))) {
        throw new AppError('PASSWORD_INCORRECT', 'The password is not correct', [
          { path: ['password'], message: 'Not correct' },
        ]);
      }
      return db.transaction().execute(async (trx) => {
        await updateCredentials(trx, userId, {
          totp_secret: null,
          totp_pending_secret: null,
          totp_enabled_at: null,
          updated_at: nowIso(),
        });
        await recordAudit(trx, ctx, {
          action: 'user.two_factor_disabled',
          entityType: 'user',
          entityId: userId,
          changes: { twoFactorEnabled: { before: user.totp_enabled_at !== null, after: false } },
        });
        return loadMe(trx, userId);
      });
    },

    async sessions(ctx: RequestContext): Promise<SessionListItem[]> {
      const { userId, sessionId } = self(ctx);
      const rows = await sessionsRepository.listSessions(db, userId, nowIso());
      return rows.map((row) => ({
        id: row.id,
        current: row.id === sessionId,
        ip: row.ip,
        userAgent: row.user_agent,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
      }));
    },

    async revokeSession(ctx: RequestContext, id: string): Promise<void> {
      const { userId } = self(ctx);
      const session = await sessionsRepository.findSession(db, id);
      if (!session || session.user_id !== userId) throw notFound('SESSION_NOT_FOUND', 'The session');
      await db.transaction().execute(async (trx) => {
        await sessionsRepository.deleteSession(trx, id);
        await recordAudit(trx, ctx, {
          action: 'auth.session_revoked',
          entityType: 'session',
          entityId: id.slice(0, 12),
          changes: {},
        });
      });
      live.publish({ type: 'access.changed', userId });
    },
  };
}

export type ProfileService = ReturnType<typeof profileService>;
