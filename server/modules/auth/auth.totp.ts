import type { Config } from '../../config';
import type { Db, DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import { addMinutes, nowIso } from '../../platform/clock';
import { verifyTotp } from '../../platform/totp';
import { claimTotpStep, recordFailedLogin } from '../users';

/**
 * Checks a two-factor code and spends its time step, so each code works once (at sign-in, with
 * a sign-in link, or when turning two-factor on). `secret` defaults to the user's active one.
 */
export async function spendTotp(
  db: DbOrTrx,
  user: { id: number; totp_secret: string | null; totp_last_step: number | null },
  code: string,
  secret: string | null = user.totp_secret,
): Promise<boolean> {
  if (!secret) return false;
  const step = await verifyTotp(secret, code, user.totp_last_step);
  return step !== null && (await claimTotpStep(db, user.id, step));
}

/** Failed sign-ins: counted in the database (one statement), locking the account at the threshold. */
export function failedSignIns(db: Db, config: Config) {
  const { lockoutThreshold, lockoutMinutes } = config.login;
  return {
    async record(user: { id: number; email: string }, client: { ip: string | null }): Promise<void> {
      const now = nowIso();
      await db.transaction().execute(async (trx) => {
        const counted = await recordFailedLogin(trx, user.id, {
          now,
          lockUntil: addMinutes(now, lockoutMinutes),
          threshold: lockoutThreshold,
        });
        if (!counted) return;
        const attempts = counted.failedLogins;
        await recordAudit(
          trx,
          {
            actor: {
              type: 'user',
              id: user.id,
              name: user.email,
              email: user.email,
              role: 'agent',
              sessionId: null,
            },
            ip: client.ip,
          },
          {
            action: attempts === lockoutThreshold ? 'auth.locked' : 'auth.login_failed',
            entityType: 'user',
            entityId: user.id,
            changes: { failedLogins: { before: attempts - 1, after: attempts } },
          },
        );
      });
    },
  };
}
