import ExcelJS from 'exceljs';
import type { DrillMetric, DrillResult, Report, ReportFilters, ReportKind } from '../../../contracts/reports';
import type { DbOrTrx } from '../../db/database';
import type { RequestContext } from '../../platform/auth/actor';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { csvLine } from '../audit';
import { computeReport, periodOf, ticketFilterOf, type Viewer, zoneOf } from './reports.compute';
import { reportsRepository as repo } from './reports.repository';

/**
 * Who sees what: managers and admins every team; an agent who leads teams those teams (a
 * team filter outside them is refused); any other agent nothing (their scorecard comes later).
 */
async function viewerOf(db: DbOrTrx, ctx: RequestContext, filters: ReportFilters): Promise<Viewer> {
  const { actor } = ctx;
  if (actor.role === 'admin' || actor.role === 'manager') return { teamIds: null };
  const led = actor.type === 'user' ? await repo.ledTeams(db, actor.id) : [];
  if (led.length === 0) throw new AppError('FORBIDDEN', 'Reports are for managers, admins and team leads');
  if (filters.teamId !== undefined && !led.includes(filters.teamId))
    throw new AppError('FORBIDDEN', 'You can see reports of the teams you lead only', {
      teamId: filters.teamId,
    });
  return { teamIds: led };
}

/** The tickets behind a figure. */
export async function drillDown(
  db: DbOrTrx,
  metric: DrillMetric,
  filters: ReportFilters,
  viewer: Viewer,
  limit: number,
): Promise<DrillResult> {
  const tz = await zoneOf(db, filters.tz);
  const period = periodOf(filters.from, filters.to, tz);
  const from = new Date(period.start).toISOString();
  const until = new Date(period.end).toISOString();
  const tf = ticketFilterOf(filters, viewer);
  const events = (types: string[], where?: 'solve' | 'reopen') =>
    repo.drillEvents(db, { types, from, until, where }, tf, limit);
  const found = await (() => {
    switch (metric) {
      case 'created':
        return events(['created']);
      case 'complaints':
        return repo.drillEvents(db, { types: ['created'], from, until }, { ...tf, type: 'complaint' }, limit);
      case 'solved':
      case 'resolution':
      case 'one_touch':
        return events(['status_changed'], 'solve');
      case 'reopened':
        return events(['status_changed'], 'reopen');
      case 'first_reply':
        return events(['first_reply']);
      case 'backlog':
        return repo.drillOpen(db, until, tf, limit);
      case 'sla_achieved':
        return repo.drillSla(db, true, from, until, tf, limit);
      case 'sla_breached':
        return repo.drillSla(db, false, from, until, tf, limit);
      case 'answers':
        return repo.drillAnswers(db, from, until, tf, limit);
    }
  })();
  return { metric, total: found.total, rows: found.rows.map((r) => ({ ...r, at: String(r.at) })) };
}

const formatValue = (v: number | null) => (v === null ? '' : Math.round(v * 100) / 100);

/** A report as rows of cells: the figures with the previous period, then its series and table. */
function sheetsOf(report: Report): { name: string; rows: (string | number)[][] }[] {
  const head = [
    [`${report.title} report`, `${report.period.from} to ${report.period.to} (${report.period.tz})`],
    ['Compared with', `${report.previous.from} to ${report.previous.to}`],
  ];
  const sheets = [
    {
      name: 'Figures',
      rows: [
        ...head,
        [],
        ['Figure', 'Unit', 'Value', 'Previous period', 'Definition'],
        ...report.figures.map((f) => [
          f.label,
          f.unit,
          formatValue(f.value),
          formatValue(f.previous),
          f.definition,
        ]),
      ],
    },
  ];
  if (report.series) {
    sheets.push({
      name: 'Series',
      rows: [
        [report.series.grain === 'day' ? 'Day' : 'Hour', ...report.series.keys.map((k) => k.label)],
        ...report.series.points.map((p) => [
          String(p.bucket),
          ...report.series!.keys.map((k) => formatValue(p[k.key] as number | null)),
        ]),
      ],
    });
  }
  if (report.table) {
    const t = report.table;
    sheets.push({
      name: 'Table',
      rows: [
        t.columns.map((c) => c.label),
        ...t.rows.map((r) =>
          t.columns.map((c) =>
            typeof r[c.key] === 'number' ? formatValue(r[c.key] as number) : String(r[c.key] ?? ''),
          ),
        ),
      ],
    });
  }
  return sheets;
}

export function reportCsv(report: Report): string {
  return `\uFEFF${sheetsOf(report)
    .map((s) => s.rows.map((r) => csvLine(r)).join(''))
    .join('\r\n')}`;
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheetsOf(report)) {
    const ws = book.addWorksheet(sheet.name);
    // Text goes in as text: a customer-made name never becomes a formula.
    for (const row of sheet.rows)
      ws.addRow(row.map((cell) => (typeof cell === 'string' ? { richText: [{ text: cell }] } : cell)));
    ws.columns.forEach((c) => {
      c.width = 22;
    });
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function reportsService({ db }: AppDeps) {
  return {
    async report(ctx: RequestContext, kind: ReportKind, filters: ReportFilters): Promise<Report> {
      return computeReport(db, kind, filters, await viewerOf(db, ctx, filters));
    },

    async drill(
      ctx: RequestContext,
      metric: DrillMetric,
      filters: ReportFilters,
      limit: number,
    ): Promise<DrillResult> {
      return drillDown(db, metric, filters, await viewerOf(db, ctx, filters), limit);
    },

    async export(ctx: RequestContext, kind: ReportKind, format: 'csv' | 'xlsx', filters: ReportFilters) {
      const report = await computeReport(db, kind, filters, await viewerOf(db, ctx, filters));
      const filename = `${kind}-${report.period.from}-${report.period.to}.${format}`;
      if (format === 'csv') return { filename, type: 'text/csv; charset=utf-8', body: reportCsv(report) };
      return {
        filename,
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: await reportXlsx(report),
      };
    },
  };
}

export type ReportsService = ReturnType<typeof reportsService>;
