// A goal as the API shows it: its KPI over the elapsed part of the period, read through the
// reports' computeReport with the owner as the filter (never a scan of tickets), and the
// trajectory the rules give it.
import { type Goal, type GoalKpiKey, goalKpis } from '../../../contracts/goals';
import type { DbOrTrx } from '../../db/database';
import { loadCalendar, wallClockOf } from '../business-hours';
import { computeReport } from '../reports';
import type { GoalRow } from './goals.repository';
import { elapsedOf, forecastOf, type GoalPeriod, periodLabel, trajectoryOf } from './goals.rules';

/** Today's date in the department's time zone (the default business calendar's; UTC without one). */
export async function deskToday(db: DbOrTrx, now = Date.now()): Promise<string> {
  const tz = (await loadCalendar(db, null))?.timezone ?? 'UTC';
  return new Date(wallClockOf(tz, now)).toISOString().slice(0, 10);
}

const kpiOf = (row: GoalRow) => goalKpis[row.kpi as GoalKpiKey];

/** The KPI of a goal's owner from `from` through `through`: one figure of one report. */
export async function kpiValue(
  db: DbOrTrx,
  kpi: GoalKpiKey,
  owner: Pick<GoalRow, 'team_id' | 'agent_id'>,
  from: string,
  through: string,
): Promise<number | null> {
  const def = goalKpis[kpi];
  const filters = {
    from,
    to: through,
    ...(owner.team_id !== null ? { teamId: owner.team_id } : {}),
    ...(owner.agent_id !== null ? { agentId: owner.agent_id } : {}),
  };
  const report = await computeReport(db, def.report, filters);
  return report.figures.find((f) => f.key === def.figure)?.value ?? null;
}

export async function toGoal(db: DbOrTrx, row: GoalRow, today: string): Promise<Goal> {
  const kpi = kpiOf(row);
  const period: GoalPeriod = { kind: row.period_kind, from: row.period_from, to: row.period_to };
  const { through, share } = elapsedOf(period, today);
  const value =
    through === null ? null : await kpiValue(db, row.kpi as GoalKpiKey, row, period.from, through);
  const shape = { shape: kpi.shape, direction: kpi.direction, target: row.target, value, elapsed: share };
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kpi: row.kpi as GoalKpiKey,
    kpiLabel: kpi.label,
    unit: kpi.unit,
    direction: kpi.direction,
    target: row.target,
    period: { ...period, label: periodLabel(period) },
    owner: {
      kind: row.owner_kind,
      team: row.team_id !== null ? { id: row.team_id, name: row.team_name ?? `Team #${row.team_id}` } : null,
      agent:
        row.agent_id !== null ? { id: row.agent_id, name: row.agent_name ?? `User #${row.agent_id}` } : null,
    },
    progress: { value, through, elapsed: share, forecast: forecastOf(shape) },
    trajectory: trajectoryOf(shape),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}
