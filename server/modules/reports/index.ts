// The reports module's front door: hourly aggregates folded from ticket and service-level events
// by a job (exactly once, cursor in the batch's transaction), the KPI reports computed from them
// (`computeReport`: filters in, figures out), drill-down to the tickets behind a figure, CSV and
// XLSX export, and the rebuild and check the CLI runs; the live operations board (backlog,
// unassigned by age, service levels running out, agents' presence and load, today by hour,
// standing alerts); trend charts (volume and scores by category, tag, product or organisation);
// spike alerts (a job runs feedback's detector over the hourly aggregates); scorecards of an
// agent or a team beside their peers' average; the pain-point report; read-only share links and
// scheduled report mails.

export { boardRoutes } from './board.routes';
export { type BoardService, boardService, readBoard } from './board.service';
export { computeReport, type Viewer } from './reports.compute';
export {
  type AggregateDifference,
  checkAggregates,
  foldAllEvents,
  foldNewEvents,
  REPORTS_JOB,
  rebuildAggregates,
} from './reports.consumer';
export { reportSchedulesRoutes, reportSharesRoutes } from './reports.delivery.routes';
export { reportsRoutes } from './reports.routes';
export { insertSchedule, type SchedulesService, schedulesService } from './reports.schedules';
export { REPORT_SCHEDULES_JOB, sendDueSchedules } from './reports.schedules.send';
export { drillDown, type ReportsService, reportsService } from './reports.service';
export { insertShare, type SharesService, sharesService } from './reports.shares';
export { type ScorecardsService, scorecardsService } from './scorecards';
export { scorecardsRoutes } from './scorecards.routes';
export { runSpikeDetection, SPIKES_EVERY_MS, SPIKES_JOB, type SpikeRunResult } from './spikes.job';
export { spikesRoutes } from './spikes.routes';
export { type SpikesService, spikesService } from './spikes.service';
export { computeTrend, type TrendsService, trendsService } from './trends';
