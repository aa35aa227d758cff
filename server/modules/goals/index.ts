// The goals module's front door: goals on a report KPI (a target over a month, a quarter or
// custom dates, owned by the department, a team or an agent), their progress read through the
// reports' computeReport, the trajectory from a simple forecast, and the hourly evaluation that
// tells managers (and the owner's lead) once when a goal goes at risk.

export { evaluateGoals, GOALS_JOB } from './goals.evaluate';
export { deskToday, kpiValue } from './goals.progress';
export { goalsRoutes } from './goals.routes';
export { type GoalsService, goalsService, insertGoalRow } from './goals.service';
