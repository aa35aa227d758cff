import type { z } from 'zod';
import type { ChannelSettings, updateChannelSettingsBody } from '../../../contracts/settings';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { parseObject } from '../../platform/json';
import { teamExists } from '../teams';
import { assertUsableCategory, isUsableCategory } from '../ticket-fields';
import { settingsRepository as repo } from './settings.repository';

// Where new requests from the contact form and the portal go: a team (whose queue they reach)
// and a category, kept as one setting per channel. Mail goes by its mailbox's own defaults.

type Channel = keyof ChannelSettings;
type NewRequestsGo = ChannelSettings[Channel];
const channels: Channel[] = ['contactForm', 'portal'];
const keyOf = (channel: Channel) => `channels.${channel}`;
const idOf = (value: unknown) =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;

/** One channel's team and category, each left out (null) once it was deleted or archived. */
async function loadChannel(db: DbOrTrx, channel: Channel): Promise<NewRequestsGo> {
  const stored = parseObject(await repo.get(db, keyOf(channel)));
  const teamId = idOf(stored.teamId);
  const categoryId = idOf(stored.categoryId);
  return {
    teamId: teamId !== null && (await teamExists(db, teamId)) ? teamId : null,
    categoryId: categoryId !== null && (await isUsableCategory(db, categoryId)) ? categoryId : null,
  };
}

/** Where new requests of each channel go. */
export async function loadChannelSettings(db: DbOrTrx): Promise<ChannelSettings> {
  const [contactForm, portal] = await Promise.all(channels.map((c) => loadChannel(db, c)));
  return { contactForm: contactForm!, portal: portal! };
}

async function assertTeam(db: DbOrTrx, id: number | null | undefined, channel: Channel) {
  if (id === null || id === undefined || (await teamExists(db, id))) return;
  throw new AppError('VALIDATION_FAILED', `No team with id ${id}`, [
    { path: [channel, 'teamId'], message: 'Unknown team' },
  ]);
}

export function channelSettingsService({ db }: AppDeps) {
  return {
    async get(ctx: RequestContext) {
      authorize(ctx.actor, 'tickets.read');
      return loadChannelSettings(db);
    },

    async update(ctx: RequestContext, input: z.output<typeof updateChannelSettingsBody>) {
      authorize(ctx.actor, 'channels.manage');
      return db.transaction().execute(async (trx) => {
        const before = await loadChannelSettings(trx);
        const now = nowIso();
        for (const channel of channels) {
          const change = input[channel];
          if (!change) continue;
          await assertTeam(trx, change.teamId, channel);
          await assertUsableCategory(trx, change.categoryId, [channel, 'categoryId']);
          await repo.set(trx, keyOf(channel), JSON.stringify({ ...before[channel], ...change }), now);
        }
        const after = await loadChannelSettings(trx);
        await recordAudit(trx, ctx, {
          action: 'settings.updated',
          entityType: 'settings',
          entityId: 'channels',
          before: { ...before },
          after: { ...after },
        });
        return after;
      });
    },
  };
}

export type ChannelSettingsService = ReturnType<typeof channelSettingsService>;
