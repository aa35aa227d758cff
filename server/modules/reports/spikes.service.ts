// Spike alerts as managers read and handle them: the list, acknowledging one, the detector's
// threshold and minimum count; and the open ones as board alerts.
import type { BoardAlert } from '../../../contracts/board';
import type { SpikeAlert, SpikeMeasure, SpikeSettingsBody } from '../../../contracts/trends';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { writeSetting } from '../settings';
import { loadSpikeSettings, SPIKE_SETTINGS_KEY } from './spikes.job';
import { spikesRepository as repo, type SpikeAlertRow } from './spikes.repository';
import { spikeTitle } from './spikes.rules';

const LIST_LIMIT = 100;

async function alertsOut(db: DbOrTrx, rows: SpikeAlertRow[]): Promise<SpikeAlert[]> {
  if (rows.length === 0) return [];
  const names = new Map((await repo.categoryNames(db)).map((c) => [c.id, c.name]));
  return rows.map((r) => {
    const name = names.get(r.category_id) ?? `Category ${r.category_id}`;
    const measure = r.measure as SpikeMeasure;
    return {
      id: r.id,
      category: { id: r.category_id, name },
      measure,
      state: r.state,
      title: spikeTitle(name, measure, r.observed, r.expected),
      startedAt: r.started_at,
      lastSeenAt: r.last_seen_at,
      observed: r.observed,
      expected: r.expected,
      z: r.z,
      ticketIds: JSON.parse(r.ticket_ids) as number[],
      acknowledgedAt: r.acknowledged_at,
      resolvedAt: r.resolved_at,
    };
  });
}

/** The unresolved spike alerts as the board shows them (open and acknowledged, newest first). */
export async function spikeBoardAlerts(db: DbOrTrx): Promise<BoardAlert[]> {
  const alerts = await alertsOut(db, await repo.list(db, 'unresolved', 20));
  return alerts.map((a) => ({ kind: 'spike', title: a.title, since: a.startedAt, ticketIds: a.ticketIds }));
}

export function spikesService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext, state: 'unresolved' | 'resolved' | 'all') {
      authorize(ctx.actor, 'feedback.read');
      return { data: await alertsOut(db, await repo.list(db, state, LIST_LIMIT)) };
    },

    async acknowledge(ctx: RequestContext, id: number): Promise<SpikeAlert> {
      authorize(ctx.actor, 'feedback.manage');
      return db.transaction().execute(async (trx) => {
        const row = await repo.byId(trx, id);
        if (!row) throw new AppError('NOT_FOUND', 'No such spike alert');
        // Only an open alert moves; an acknowledged or resolved one answers as it is.
        await repo.acknowledge(trx, id, ctx.actor.type === 'user' ? ctx.actor.id : null, nowIso());
        const [out] = await alertsOut(trx, [(await repo.byId(trx, id))!]);
        return out!;
      });
    },

    async settings(ctx: RequestContext): Promise<SpikeSettingsBody> {
      authorize(ctx.actor, 'feedback.read');
      const { threshold, minCount } = await loadSpikeSettings(db);
      return { threshold, minCount };
    },

    async updateSettings(ctx: RequestContext, input: SpikeSettingsBody): Promise<SpikeSettingsBody> {
      authorize(ctx.actor, 'feedback.manage');
      return db.transaction().execute(async (trx) => {
        const { threshold, minCount } = await loadSpikeSettings(trx);
        const before = { threshold, minCount };
        const after = { threshold: input.threshold, minCount: input.minCount };
        await writeSetting(trx, SPIKE_SETTINGS_KEY, JSON.stringify(after), nowIso());
        if (before.threshold !== after.threshold || before.minCount !== after.minCount)
          await recordAudit(trx, ctx, {
            action: 'spikes.settings_updated',
            entityType: 'settings',
            entityId: 'spike-alerts',
            before,
            after,
          });
        return after;
      });
    },
  };
}

export type SpikesService = ReturnType<typeof spikesService>;
