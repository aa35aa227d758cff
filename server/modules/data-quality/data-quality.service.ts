import {
  DATA_QUALITY_ITEMS,
  type DataQualityFinding,
  type DataQualityFixBody,
  type DataQualityFixResult,
  type DataQualityOverview,
  type DataQualityRun,
  type DataQualitySettings,
} from '../../../contracts/data-quality';
import type { Db, DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import type { AppDeps } from '../../platform/deps';
import { readSetting, writeSetting } from '../settings';
import { announceTicket, changeTicket } from '../tickets';
import { type RunRow, dataQualityRepository as repo } from './data-quality.repository';
import { finding, likelyDuplicates, scoreTenths } from './data-quality.rules';

const DAY = 86_400_000;
/** How far back the ticket checks look (tickets changed or solved in the window). */
export const WINDOW_DAYS = 30;
/** How many of the newest customers the duplicate check compares. */
export const DUPLICATE_SCAN = 50_000;
export const STALE_DAYS_SETTING = 'dataQuality.staleDays';
export const DEFAULT_STALE_DAYS = 7;

export async function loadDataQualitySettings(db: DbOrTrx): Promise<DataQualitySettings> {
  const raw = Number(await readSetting(db, STALE_DAYS_SETTING));
  return { staleDays: Number.isInteger(raw) && raw >= 1 && raw <= 365 ? raw : DEFAULT_STALE_DAYS };
}

const ticketItem = (id: number, subject: string, detail: string) => ({
  kind: 'ticket' as const,
  id,
  label: `#${id} ${subject}`,
  detail,
  relatedId: null,
});
const day = (iso: string | null) => (iso ?? '').slice(0, 10);

/** Runs every check at `now`: each one's count, first items and what it looked at. */
export async function runChecks(db: DbOrTrx, now: number): Promise<DataQualityFinding[]> {
  const n = DATA_QUALITY_ITEMS;
  const { staleDays } = await loadDataQualitySettings(db);
  const since = new Date(now - WINDOW_DAYS * DAY).toISOString();
  const open = await repo.openTickets(db);

  const uncategorised = await repo.uncategorised(db, since, n);
  const stale = await repo.stale(db, new Date(now - staleDays * DAY).toISOString(), n);
  const customers = await repo.customersForDuplicates(db, DUPLICATE_SCAN);
  const pairs = likelyDuplicates(customers.customers, customers.emails);
  const names = new Map(customers.customers.map((c) => [c.id, c.name]));
  const deactivated = await repo.onDeactivated(db, n);
  const unanswered = await repo.solvedWithoutReply(db, since, n);
  const today = new Date(now).toISOString().slice(0, 10);
  const contracts = await repo.expiredContracts(db, today, n);
  const orgs = await repo.organizationsWithoutDomain(db, n);

  return [
    finding(
      'missing-category',
      uncategorised.count,
      await repo.ticketsChangedSince(db, since),
      uncategorised.items.map((t) => ticketItem(t.id, t.subject, `Last changed ${day(t.updated_at)}`)),
    ),
    finding(
      'stale-open',
      stale.count,
      open,
      stale.items.map((t) => ticketItem(t.id, t.subject, `No activity since ${day(t.updated_at)}`)),
    ),
    finding(
      'duplicate-customers',
      pairs.length,
      customers.customers.length,
      pairs.slice(0, n).map((p) => ({
        kind: 'customer' as const,
        id: p.id,
        label: `${names.get(p.id) ?? `Customer ${p.id}`} and ${names.get(p.otherId) ?? `Customer ${p.otherId}`}`,
        detail: p.reason,
        relatedId: p.otherId,
      })),
    ),
    finding(
      'deactivated-assignee',
      deactivated.count,
      open,
      deactivated.items.map((t) =>
        ticketItem(t.id, t.subject, `Assigned to ${t.assignee_name} (deactivated)`),
      ),
    ),
    finding(
      'solved-without-reply',
      unanswered.count,
      await repo.solvedSince(db, since),
      unanswered.items.map((t) =>
        ticketItem(t.id, t.subject, `Solved ${day(t.solved_at)} with no public reply`),
      ),
    ),
    finding(
      'expired-contracts',
      contracts.count,
      contracts.population,
      contracts.items.map((c) => ({
        kind: 'organization' as const,
        id: c.organization_id,
        label: c.name,
        detail: `${c.plan} ended ${c.ends_on}`,
        relatedId: c.id,
      })),
    ),
    finding(
      'organizations-without-domain',
      orgs.count,
      orgs.population,
      orgs.items.map((o) => ({
        kind: 'organization' as const,
        id: o.id,
        label: o.name,
        detail: 'No email domain',
        relatedId: null,
      })),
    ),
  ];
}

function toRun(row: RunRow): DataQualityRun {
  return {
    id: row.id,
    trigger: row.trigger,
    ranAt: row.ran_at,
    score: row.score_tenths / 10,
    findings: JSON.parse(row.findings) as DataQualityFinding[],
  };
}

/**
 * A run of the checks, stored with its score. A daily run first claims its day (the unique
 * `daily_key`): on PostgreSQL a second node's claim waits for the first one's transaction and
 * then finds the day taken, so the day is run once. Returns null when the day was taken.
 */
export async function recordRun(
  db: Db,
  trigger: 'daily' | 'manual',
  now = Date.now(),
): Promise<DataQualityRun | null> {
  const ranAt = new Date(now).toISOString();
  return db.transaction().execute(async (trx) => {
    const id = await repo.insertRun(trx, {
      trigger,
      daily_key: trigger === 'daily' ? ranAt.slice(0, 10) : null,
      score_tenths: 0,
      findings: '[]',
      ran_at: ranAt,
    });
    if (id === null) return null;
    const findings = await runChecks(trx, now);
    const score = scoreTenths(findings);
    await repo.updateRun(trx, id, { score_tenths: score, findings: JSON.stringify(findings) });
    return { id, trigger, ranAt, score: score / 10, findings };
  });
}

/** The job's name. */
export const DATA_QUALITY_JOB = 'data-quality';

/** The periodic job: runs the day's checks once (on whichever node gets there first). */
export async function runDailyDataQuality(db: Db, now = Date.now()): Promise<boolean> {
  if (await repo.hasDailyRun(db, new Date(now).toISOString().slice(0, 10))) return false;
  return (await recordRun(db, 'daily', now)) !== null;
}

/** The data-quality monitor: the latest findings and score history, runs on demand, the safe fix. */
export function dataQualityService({ db, live }: AppDeps) {
  return {
    async overview(ctx: RequestContext): Promise<DataQualityOverview> {
      authorize(ctx.actor, 'data-quality.read');
      const latest = await repo.latestRun(db);
      const history = await repo.history(db, new Date(Date.now() - 90 * DAY).toISOString());
      return {
        settings: await loadDataQualitySettings(db),
        latest: latest ? toRun(latest) : null,
        history: history.map((h) => ({ ranAt: h.ran_at, score: h.score_tenths / 10, trigger: h.trigger })),
      };
    },

    async run(ctx: RequestContext): Promise<DataQualityRun> {
      authorize(ctx.actor, 'data-quality.manage');
      const run = await recordRun(db, 'manual');
      if (!run) throw new Error('a run asked for is never refused');
      return run;
    },

    async updateSettings(ctx: RequestContext, input: DataQualitySettings): Promise<DataQualitySettings> {
      authorize(ctx.actor, 'data-quality.manage');
      return db.transaction().execute(async (trx) => {
        const before = await loadDataQualitySettings(trx);
        await writeSetting(trx, STALE_DAYS_SETTING, String(input.staleDays), nowIso());
        if (before.staleDays !== input.staleDays)
          await recordAudit(trx, ctx, {
            action: 'data_quality.settings_updated',
            entityType: 'settings',
            entityId: 'data-quality',
            before,
            after: input,
          });
        return { staleDays: input.staleDays };
      });
    },

    /**
     * The one-click fix for tickets on deactivated agents: each ticket still on one is unassigned
     * (through the tickets module, so its history, clocks and routing follow) and audited; the
     * others are skipped. One transaction for the lot.
     */
    async fix(ctx: RequestContext, input: DataQualityFixBody): Promise<DataQualityFixResult> {
      authorize(ctx.actor, 'data-quality.manage');
      authorize(ctx.actor, 'tickets.write');
      const ids = [...new Set(input.ticketIds)];
      const { changed, skipped } = await db.transaction().execute(async (trx) => {
        const onDeactivated = await repo.onDeactivatedAmong(trx, ids);
        const due = new Map(onDeactivated.map((r) => [r.id, r.assignee_name]));
        const changed = [];
        for (const id of ids) {
          const from = due.get(id);
          if (from === undefined) continue;
          changed.push(await changeTicket(trx, ctx, id, { assigneeId: null }));
          await recordAudit(trx, ctx, {
            action: 'data_quality.unassigned',
            entityType: 'ticket',
            entityId: id,
            changes: { assignee: { before: from, after: null } },
          });
        }
        return { changed, skipped: ids.filter((id) => !due.has(id)) };
      });
      for (const ticket of changed) announceTicket(live, ticket, { customerSees: false });
      return { fixed: changed.map((t) => t.id), skipped };
    },
  };
}

export type DataQualityService = ReturnType<typeof dataQualityService>;

/**
 * A score history for demo data: today's daily run from the real checks, and one run a day for
 * the `days` before it whose counts are today's grown back towards `worseBy` times as many the
 * further back they go (the desk cleaning up over the weeks); past runs keep no items.
 */
export async function insertScoreHistory(db: Db, now: number, days: number, worseBy: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const findings = await runChecks(trx, now);
    for (let back = days; back >= 1; back--) {
      const factor = 1 + ((worseBy - 1) * back) / days;
      const past = findings.map((f) => ({
        ...f,
        count: Math.round(f.count * factor + (back % 3 === 0 ? 1 : 0)),
        items: [],
      }));
      const at = new Date(now - back * DAY);
      at.setUTCHours(3, 0, 0, 0);
      await repo.insertRun(trx, {
        trigger: 'daily',
        daily_key: at.toISOString().slice(0, 10),
        score_tenths: scoreTenths(past),
        findings: JSON.stringify(past),
        ran_at: at.toISOString(),
      });
    }
    const ranAt = new Date(now).toISOString();
    await repo.insertRun(trx, {
      trigger: 'daily',
      daily_key: ranAt.slice(0, 10),
      score_tenths: scoreTenths(findings),
      findings: JSON.stringify(findings),
      ran_at: ranAt,
    });
  });
}
