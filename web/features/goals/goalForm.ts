import { type Goal, type GoalKpiKey, goalKpis } from '../../../contracts/goals';
import type { CreateGoalBody } from './goals.queries';

export type PeriodChoice = 'month' | 'quarter' | 'custom';
export type OwnerChoice = 'department' | 'team' | 'agent';

/** The goal form's fields, as the inputs hold them. */
export interface GoalFormValues {
  name: string;
  description: string;
  kpi: GoalKpiKey;
  target: number | string;
  period: PeriodChoice;
  month: string;
  quarter: string;
  from: string;
  to: string;
  owner: OwnerChoice;
  teamId: string | null;
  agentId: string | null;
}

const quarterOf = (date: string) =>
  `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;

/** This month for a new goal (owned by the one team a lead keeps, if so); the goal's own values to edit one. */
export function initialGoalValues(
  goal: Goal | null,
  defaultOwner: OwnerChoice,
  today: string,
): GoalFormValues {
  if (!goal)
    return {
      name: '',
      description: '',
      kpi: 'csat',
      target: 90,
      period: 'month',
      month: today.slice(0, 7),
      quarter: quarterOf(today),
      from: today,
      to: today,
      owner: defaultOwner,
      teamId: null,
      agentId: null,
    };
  return {
    name: goal.name,
    description: goal.description,
    kpi: goal.kpi,
    target: goal.target,
    period: goal.period.kind,
    month: goal.period.from.slice(0, 7),
    quarter: quarterOf(goal.period.from),
    from: goal.period.from,
    to: goal.period.to,
    owner: goal.owner.kind,
    teamId: goal.owner.team ? String(goal.owner.team.id) : null,
    agentId: goal.owner.agent ? String(goal.owner.agent.id) : null,
  };
}

export const goalValidation = {
  name: (v: string) => (v.trim() === '' ? 'Give the goal a name' : null),
  target: (v: number | string) => (v === '' || Number.isNaN(Number(v)) ? 'Set a target' : null),
  teamId: (v: string | null, values: GoalFormValues) =>
    values.owner === 'team' && !v ? 'Choose the team' : null,
  agentId: (v: string | null, values: GoalFormValues) =>
    values.owner === 'agent' && !v ? 'Choose the agent' : null,
  month: (v: string, values: GoalFormValues) =>
    values.period === 'month' && !/^\d{4}-\d{2}$/.test(v) ? 'Choose a month' : null,
  to: (v: string, values: GoalFormValues) =>
    values.period === 'custom' && v < values.from ? 'Ends on or after it starts' : null,
};

/** The body the API takes for the form's values. */
export function goalBody(v: GoalFormValues): CreateGoalBody {
  const period =
    v.period === 'month'
      ? { kind: 'month' as const, month: v.month }
      : v.period === 'quarter'
        ? { kind: 'quarter' as const, quarter: v.quarter }
        : { kind: 'custom' as const, from: v.from, to: v.to };
  const owner =
    v.owner === 'team'
      ? { kind: 'team' as const, id: Number(v.teamId) }
      : v.owner === 'agent'
        ? { kind: 'agent' as const, id: Number(v.agentId) }
        : { kind: 'department' as const };
  return {
    name: v.name.trim(),
    description: v.description.trim(),
    kpi: v.kpi,
    target: Number(v.target),
    period,
    owner,
  };
}

export const kpiOptions = (Object.keys(goalKpis) as GoalKpiKey[]).map((key) => ({
  value: key,
  label: `${goalKpis[key].label} (${goalKpis[key].direction === 'higher' ? 'higher' : 'lower'} is better)`,
}));

/** Quarters to choose from: last year's to next year's. */
export function quarterOptions(today: string): { value: string; label: string }[] {
  const year = Number(today.slice(0, 4));
  const out: { value: string; label: string }[] = [];
  for (let y = year - 1; y <= year + 1; y++)
    for (let q = 1; q <= 4; q++) out.push({ value: `${y}-Q${q}`, label: `Q${q} ${y}` });
  return out;
}
