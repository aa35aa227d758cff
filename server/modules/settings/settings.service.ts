import type { z } from 'zod';
import type { TicketSettings, updateTicketSettingsBody } from '../../../contracts/settings';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { settingsRepository as repo } from './settings.repository';

/** Days a solved ticket waits before it closes, until an admin sets another number. */
export const DEFAULT_AUTO_CLOSE_DAYS = 4;

export async function loadTicketSettings(db: DbOrTrx): Promise<TicketSettings> {
  const days = Number(await repo.get(db, 'tickets.autoCloseDays'));
  const assignOnReply = await repo.get(db, 'tickets.assignOnReply');
  return {
    autoCloseDays: Number.isInteger(days) && days > 0 ? days : DEFAULT_AUTO_CLOSE_DAYS,
    // On until an admin turns it off.
    assignOnReply: assignOnReply !== 'false',
  };
}

/** A stored setting's raw value. */
export const readSetting = repo.get;
/** Stores a setting's raw value. */
export const writeSetting = repo.set;

export function settingsService({ db }: AppDeps) {
  return {
    async tickets(ctx: RequestContext) {
      authorize(ctx.actor, 'tickets.read');
      return loadTicketSettings(db);
    },

    async updateTickets(ctx: RequestContext, input: z.output<typeof updateTicketSettingsBody>) {
      authorize(ctx.actor, 'settings.manage');
      return db.transaction().execute(async (trx) => {
        const before = await loadTicketSettings(trx);
        if (input.autoCloseDays !== undefined)
          await repo.set(trx, 'tickets.autoCloseDays', String(input.autoCloseDays), nowIso());
        if (input.assignOnReply !== undefined)
          await repo.set(trx, 'tickets.assignOnReply', String(input.assignOnReply), nowIso());
        const after = await loadTicketSettings(trx);
        await recordAudit(trx, ctx, {
          action: 'settings.updated',
          entityType: 'settings',
          entityId: 'tickets',
          before: { ...before },
          after: { ...after },
        });
        return after;
      });
    },
  };
}

export type SettingsService = ReturnType<typeof settingsService>;
