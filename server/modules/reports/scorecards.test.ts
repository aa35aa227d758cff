import { expect, it } from 'vitest';
import type { Scorecard } from '../../../contracts/scorecards';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { teamsDesk } from '../../../test/helpers/desk';
import { openTicket } from '../../../test/helpers/tickets';
import { computeReport, foldAllEvents } from './index';

describeApi('scorecards', (t) => {
  const get = (auth: Auth, url: string) => t.request(auth, { method: 'GET', url });

  it('shows an agent their own, a lead their team and its members, managers everyone', async () => {
    const { admin, manager, lena, max, olga, alpha, beta, idOf } = await teamsDesk(t);

    // Max solves one of Alpha's tickets.
    const ticket = await openTicket(t, admin, { teamId: alpha.id, assigneeId: idOf(max) });
    const solved = await t.request(max, {
      method: 'PATCH',
      url: `/api/v1/tickets/${ticket.id}`,
      payload: { status: 'solved' },
    });
    expect(solved.statusCode, solved.body).toBe(200);
    // The figures come from the aggregates, as the job leaves them.
    await foldAllEvents(t.handle.db, { settleMs: 0 });

    const status = async (auth: Auth, url: string) => (await get(auth, url)).statusCode;
    expect(await status(max, `/api/v1/scorecards/agents/${idOf(max)}`)).toBe(200);
    expect(await status(max, `/api/v1/scorecards/agents/${idOf(lena)}`)).toBe(403);
    expect(await status(max, `/api/v1/scorecards/teams/${alpha.id}`)).toBe(403);
    expect(await status(lena, `/api/v1/scorecards/agents/${idOf(max)}`)).toBe(200);
    expect(await status(lena, `/api/v1/scorecards/agents/${idOf(olga)}`)).toBe(403);
    expect(await status(lena, `/api/v1/scorecards/teams/${alpha.id}`)).toBe(200);
    expect(await status(lena, `/api/v1/scorecards/teams/${beta.id}`)).toBe(403);
    expect(await status(olga, `/api/v1/scorecards/agents/${idOf(max)}`)).toBe(403);
    expect(await status(await t.tokenFor('agent'), `/api/v1/scorecards/agents/${idOf(max)}`)).toBe(403);
    expect(await status(manager, `/api/v1/scorecards/agents/${idOf(olga)}`)).toBe(200);
    expect(await status(manager, `/api/v1/scorecards/teams/${beta.id}`)).toBe(200);
    const missing = await get(manager, '/api/v1/scorecards/agents/999999');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('USER_NOT_FOUND');
    expect((await get(manager, '/api/v1/scorecards/teams/999999')).statusCode).toBe(404);

    const today = new Date().toISOString().slice(0, 10);
    const card = (
      await get(max, `/api/v1/scorecards/agents/${idOf(max)}?from=${today}&to=${today}`)
    ).json() as Scorecard;
    expect(card.subject).toMatchObject({
      kind: 'agent',
      name: 'Max Member',
      team: { id: alpha.id, name: 'Alpha' },
    });
    const kpi = (c: Scorecard, key: string) => c.kpis.find((k) => k.key === key)!;
    // The same number as the productivity report, beside the team's per-agent average (Max 1, Lena 0).
    const report = await computeReport(t.handle.db, 'productivity', { from: today, to: today });
    const row = report.table?.rows.find((r) => r.agentId === idOf(max));
    expect(kpi(card, 'solved')).toMatchObject({ value: row?.solved, average: 0.5, previous: 0 });
    expect(kpi(card, 'replies').value).toBe(0);
    expect(card.kpis.map((k) => k.key)).toContain('csat');
    expect(card.previous.to < card.period.from).toBe(true);

    const teamCard = (
      await get(manager, `/api/v1/scorecards/teams/${alpha.id}?from=${today}&to=${today}`)
    ).json() as Scorecard;
    expect(teamCard.subject).toMatchObject({ kind: 'team', name: 'Alpha' });
    expect(kpi(teamCard, 'solved')).toMatchObject({ value: 1, average: 0.5 });
    // The default period is this month so far.
    const month = (await get(manager, `/api/v1/scorecards/teams/${alpha.id}`)).json() as Scorecard;
    expect(month.period.from.endsWith('-01')).toBe(true);
  });
});
