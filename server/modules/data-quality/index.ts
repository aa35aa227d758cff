// The data-quality module's front door: checks of the desk's data (tickets with no category,
// stale open tickets, likely duplicate customers, tickets on deactivated agents, solved tickets
// with no public reply, expired contracts, organisations with no domain), run daily (once across
// nodes) and on demand, each run stored with its score; the safe one-click fix.
export { dataQualityRoutes } from './data-quality.routes';
export {
  DATA_QUALITY_JOB,
  type DataQualityService,
  dataQualityService,
  insertScoreHistory,
  recordRun,
  runDailyDataQuality,
} from './data-quality.service';
