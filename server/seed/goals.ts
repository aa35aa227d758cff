import { type CreateGoalBody, createGoalBody, type GoalKpiKey } from '../../contracts/goals';
import type { Db } from '../db/database';
import { deskToday, evaluateGoals, insertGoalRow, kpiValue } from '../modules/goals';

// The demo department's goals: the department's, each team's and the demo agent's for this
// month and quarter, their targets set from the figures the seeded history gives, so some are on
// track and some at risk; and last month's solved goal, achieved. The evaluation then tells the
// managers and leads of those at risk.

export interface GoalCast {
  /** Frontline, Technical, Key Accounts. */
  teamIds: number[];
  /** The demo agent (Frontline). */
  agentId: number;
}

const DAY = 86_400_000;
const round = (v: number, digits = 0) => Math.round(v * 10 ** digits) / 10 ** digits;

export async function seedGoals(db: Db, cast: GoalCast, nowMs: number): Promise<void> {
  const today = await deskToday(db, nowMs);
  const month = today.slice(0, 7);
  const monthFrom = `${month}-01`;
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  const quarterFrom = `${today.slice(0, 4)}-${String((Number(quarter.slice(6)) - 1) * 3 + 1).padStart(2, '0')}-01`;
  const lastMonthEnd = new Date(Date.parse(`${monthFrom}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
  const lastMonth = lastMonthEnd.slice(0, 7);
  const share = (Date.parse(today) - Date.parse(monthFrom)) / DAY + 1;
  const monthDays = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const [frontline, technical, keyAccounts] = cast.teamIds as [number, number, number];
  const nobody = { team_id: null, agent_id: null };
  const value = (
    kpi: GoalKpiKey,
    owner: { team_id: number | null; agent_id: number | null },
    from: string,
    to = today,
  ) => kpiValue(db, kpi, owner, from, to);
  /** A count's pace over the whole month, from the days gone. */
  const pace = (v: number | null) => ((v ?? 0) * monthDays) / share;

  const goals: CreateGoalBody[] = [];
  const solved = await value('solved', nobody, monthFrom);
  goals.push({
    name: 'Solve the month’s demand',
    description: 'Tickets solved by the whole department this month, a little under last month’s pace.',
    kpi: 'solved',
    target: Math.max(1, round(pace(solved) * 0.9)),
    period: { kind: 'month', month },
    owner: { kind: 'department' },
  });
  const csat = await value('csat', nobody, quarterFrom);
  goals.push({
    name: 'Customers satisfied',
    description: 'CSAT of the quarter across every team.',
    kpi: 'csat',
    target: csat === null ? 85 : round(Math.max(0, csat - 2)),
    period: { kind: 'quarter', quarter },
    owner: { kind: 'department' },
  });
  const firstReply = await value('first_reply_median', { team_id: frontline, agent_id: null }, monthFrom);
  goals.push({
    name: 'Frontline answers faster',
    description: 'Median first reply of Frontline this month: a stretch on where it stands.',
    kpi: 'first_reply_median',
    target: firstReply === null ? 2 : round(firstReply * 0.7, 1),
    period: { kind: 'month', month },
    owner: { kind: 'team', id: frontline },
  });
  const sla = await value('sla_resolution', { team_id: technical, agent_id: null }, quarterFrom);
  goals.push({
    name: 'Technical resolves on time',
    description: 'Resolution targets met this quarter.',
    kpi: 'sla_resolution',
    target: sla === null ? 95 : Math.min(100, round(sla + 10)),
    period: { kind: 'quarter', quarter },
    owner: { kind: 'team', id: technical },
  });
  const reopen = await value('reopen_rate', { team_id: keyAccounts, agent_id: null }, monthFrom);
  goals.push({
    name: 'Key Accounts: solved stays solved',
    description: 'Reopenings as a share of solves this month.',
    kpi: 'reopen_rate',
    target: reopen === null ? 5 : round(reopen * 1.3 + 1),
    period: { kind: 'month', month },
    owner: { kind: 'team', id: keyAccounts },
  });
  const agent = { team_id: null, agent_id: cast.agentId };
  const oneTouch = await value('one_touch', agent, monthFrom);
  goals.push({
    name: 'More in one reply',
    description: 'Your tickets solved with a single reply this month.',
    kpi: 'one_touch',
    target: oneTouch === null ? 60 : Math.min(100, round(oneTouch + 15)),
    period: { kind: 'month', month },
    owner: { kind: 'agent', id: cast.agentId },
  });
  const mine = await value('solved', agent, monthFrom);
  goals.push({
    name: 'Keep the pace',
    description: 'Tickets you solve this month.',
    kpi: 'solved',
    // Under the pace so far, and still ahead of what is done.
    target: Math.max((mine ?? 0) + 3, round(pace(mine) * 0.8)),
    period: { kind: 'month', month },
    owner: { kind: 'agent', id: cast.agentId },
  });
  const lastSolved = await value('solved', nobody, `${lastMonth}-01`, lastMonthEnd);
  goals.push({
    name: 'Solve last month’s demand',
    description: 'Tickets solved by the department last month.',
    kpi: 'solved',
    target: Math.max(1, round((lastSolved ?? 1) * 0.9)),
    period: { kind: 'month', month: lastMonth },
    owner: { kind: 'department' },
  });

  const at = new Date(nowMs).toISOString();
  for (const goal of goals) await insertGoalRow(db, createGoalBody.parse(goal), at);
  // The managers and leads hear of the goals at risk, as the hourly evaluation would tell them.
  await evaluateGoals(db, nowMs);
}
