import type { z } from 'zod';
import type {
  CreatedReportShare,
  createReportShareBody,
  ReportShare,
  SharedReport,
} from '../../../contracts/report-delivery';
import type { ReportFilters, ReportKind } from '../../../contracts/reports';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { authorize } from '../../platform/auth/policies';
import { nowIso } from '../../platform/clock';
import { randomToken, sha256 } from '../../platform/crypto';
import type { AppDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { computeReport, zoneOf } from './reports.compute';
import { reportCsv } from './reports.service';
import { sharesRepository as repo, type ShareRow } from './reports.shares.repository';

const DAY = 86_400_000;

function stateOf(row: Pick<ShareRow, 'revoked_at' | 'expires_at'>, now: string): ReportShare['state'] {
  if (row.revoked_at !== null) return 'revoked';
  return row.expires_at <= now ? 'expired' : 'active';
}

function shareView(row: ShareRow, now = nowIso()): ReportShare {
  return {
    id: row.id,
    report: row.report as ReportKind,
    filters: JSON.parse(row.filters) as ReportShare['filters'],
    label: row.label,
    createdBy: row.created_by_name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    state: stateOf(row, now),
  };
}

/**
 * The link's report, with the filters frozen when it was made. An unknown token (a tampered one
 * too: only the hash is kept, so no near miss is possible) is 404; an expired or revoked one 410.
 */
async function openShare(db: DbOrTrx, token: string): Promise<ShareRow> {
  const row = await repo.byHash(db, sha256(token));
  if (!row) throw notFound('REPORT_SHARE_NOT_FOUND', 'The shared report');
  const state = stateOf(row, nowIso());
  if (state !== 'active')
    throw new AppError(
      'REPORT_SHARE_GONE',
      state === 'revoked' ? 'This link was withdrawn by the team that shared it' : 'This link has expired',
      { state },
    );
  return row;
}

const computeShared = (db: DbOrTrx, row: ShareRow) =>
  computeReport(db, row.report as ReportKind, JSON.parse(row.filters) as ReportFilters);

/** Stores a share link; its token is returned once and only its hash kept (the service's create, and demo data). */
export async function insertShare(
  db: DbOrTrx,
  body: z.output<typeof createReportShareBody>,
  createdBy: number | null,
  nowMs = Date.now(),
): Promise<{ id: number; token: string }> {
  const token = randomToken();
  const id = await repo.insert(db, {
    token_hash: sha256(token),
    report: body.report,
    filters: JSON.stringify(body.filters),
    label: body.label,
    created_by: createdBy,
    created_at: new Date(nowMs).toISOString(),
    expires_at: new Date(nowMs + body.expiresInDays * DAY).toISOString(),
    revoked_at: null,
  });
  return { id, token };
}

export function sharesService({ db }: AppDeps) {
  return {
    async list(ctx: RequestContext): Promise<{ items: ReportShare[] }> {
      authorize(ctx.actor, 'reports.manage');
      const now = nowIso();
      return { items: (await repo.list(db, 200)).map((r) => shareView(r, now)) };
    },

    async create(
      ctx: RequestContext,
      body: z.output<typeof createReportShareBody>,
    ): Promise<CreatedReportShare> {
      authorize(ctx.actor, 'reports.manage');
      await zoneOf(db, body.filters.tz);
      const now = nowIso();
      return db.transaction().execute(async (trx) => {
        const { id, token } = await insertShare(
          trx,
          body,
          ctx.actor.type === 'user' ? ctx.actor.id : null,
          Date.parse(now),
        );
        await recordAudit(trx, ctx, {
          action: 'reports.share_created',
          entityType: 'report_share',
          entityId: id,
          after: { label: body.label || body.report, report: body.report, days: body.expiresInDays },
        });
        return { ...shareView((await repo.find(trx, id))!, now), token, path: `/shared/${token}` };
      });
    },

    async revoke(ctx: RequestContext, id: number): Promise<ReportShare> {
      authorize(ctx.actor, 'reports.manage');
      return db.transaction().execute(async (trx) => {
        const row = await repo.find(trx, id);
        if (!row) throw notFound('REPORT_SHARE_NOT_FOUND', 'The share link');
        if (row.revoked_at === null) {
          await repo.revoke(trx, id, nowIso());
          await recordAudit(trx, ctx, {
            action: 'reports.share_revoked',
            entityType: 'report_share',
            entityId: id,
            before: { label: row.label || row.report },
          });
        }
        return shareView((await repo.find(trx, id))!);
      });
    },

    /** The public page's report (no sign-in). */
    async shared(token: string): Promise<SharedReport> {
      const row = await openShare(db, token);
      return { label: row.label, expiresAt: row.expires_at, report: await computeShared(db, row) };
    },

    async sharedCsv(token: string) {
      const row = await openShare(db, token);
      const report = await computeShared(db, row);
      return {
        filename: `${row.report}-${report.period.from}-${report.period.to}.csv`,
        body: reportCsv(report),
      };
    },
  };
}

export type SharesService = ReturnType<typeof sharesService>;
