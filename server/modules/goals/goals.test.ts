import { expect, it } from 'vitest';
import type { Goal } from '../../../contracts/goals';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { teamsDesk } from '../../../test/helpers/desk';
import { openTicket } from '../../../test/helpers/tickets';
import { computeReport, foldAllEvents } from '../reports';
import { evaluateGoals } from './index';

const DAY = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const thisMonth = () => ({ kind: 'month', month: dayOf(Date.now()).slice(0, 7) });

describeApi('goals', (t) => {
  const create = (auth: Auth, payload: Record<string, unknown>) =>
    t.request(auth, { method: 'POST', url: '/api/v1/goals', payload });
  const made = async (auth: Auth, payload: Record<string, unknown>) => {
    const res = await create(auth, { period: thisMonth(), ...payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Goal;
  };
  const list = async (auth: Auth, query = '') => {
    const res = await t.request(auth, { method: 'GET', url: `/api/v1/goals${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { data: Goal[] }).data;
  };

  it('lets managers keep every goal, leads their team’s and members’, and shows each person what concerns them', async () => {
    const { manager, lena, max, olga, alpha, beta } = await teamsDesk(t);
    const department = await made(manager, {
      name: 'Solve 500',
      kpi: 'solved',
      target: 500,
      owner: { kind: 'department' },
    });
    expect(department).toMatchObject({ direction: 'higher', unit: 'count', owner: { kind: 'department' } });
    expect(department.period.from.endsWith('-01')).toBe(true);
    const alphaCsat = await made(manager, {
      name: 'Alpha CSAT',
      kpi: 'csat',
      target: 90,
      owner: { kind: 'team', id: alpha.id },
    });
    expect(alphaCsat.owner.team).toEqual({ id: alpha.id, name: 'Alpha' });
    const olgaGoal = await made(manager, {
      name: 'Olga replies fast',
      kpi: 'first_reply_median',
      target: 4,
      owner: { kind: 'agent', id: olga.userId },
    });
    expect(olgaGoal.direction).toBe('lower');
    // The lead keeps their team's goals and their members'.
    const maxGoal = await made(lena, {
      name: 'Max one touch',
      kpi: 'one_touch',
      target: 60,
      owner: { kind: 'agent', id: max.userId },
    });
    await made(lena, {
      name: 'Alpha solves',
      kpi: 'solved',
      target: 50,
      owner: { kind: 'team', id: alpha.id },
      period: { kind: 'quarter', quarter: '2026-Q4' },
    });
    for (const owner of [
      { kind: 'team', id: beta.id },
      { kind: 'department' },
      { kind: 'agent', id: olga.userId },
    ]) {
      const res = await create(lena, {
        name: 'Not mine',
        kpi: 'csat',
        target: 80,
        owner,
        period: thisMonth(),
      });
      expect(res.statusCode, JSON.stringify(owner)).toBe(403);
    }
    // Other agents read only.
    const refused = await create(max, {
      name: 'Mine',
      kpi: 'csat',
      target: 80,
      owner: { kind: 'agent', id: max.userId },
      period: thisMonth(),
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');

    const names = (goals: Goal[]) => goals.map((g) => g.name).sort();
    expect(names(await list(manager))).toEqual([
      'Alpha CSAT',
      'Alpha solves',
      'Max one touch',
      'Olga replies fast',
      'Solve 500',
    ]);
    expect(names(await list(max))).toEqual(['Alpha CSAT', 'Alpha solves', 'Max one touch', 'Solve 500']);
    expect(names(await list(lena))).toEqual(['Alpha CSAT', 'Alpha solves', 'Max one touch', 'Solve 500']);
    expect(names(await list(olga))).toEqual(['Olga replies fast', 'Solve 500']);
    expect(names(await list(await t.tokenFor('agent')))).toEqual(['Solve 500']);
    expect(names(await list(manager, `?teamId=${alpha.id}`))).toEqual(['Alpha CSAT', 'Alpha solves']);
    expect(names(await list(manager, '?ownerKind=agent'))).toEqual(['Max one touch', 'Olga replies fast']);
    // Another agent's personal goal is not there for Olga (nor for Max, Olga's).
    expect((await t.request(olga, { method: 'GET', url: `/api/v1/goals/${maxGoal.id}` })).statusCode).toBe(
      404,
    );
    expect((await t.request(max, { method: 'GET', url: `/api/v1/goals/${olgaGoal.id}` })).statusCode).toBe(
      404,
    );
    expect((await t.request(max, { method: 'GET', url: `/api/v1/goals/${maxGoal.id}` })).statusCode).toBe(
      200,
    );

    // Change and delete.
    const patched = await t.request(manager, {
      method: 'PATCH',
      url: `/api/v1/goals/${alphaCsat.id}`,
      payload: { target: 85, name: 'Alpha CSAT 85' },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ target: 85, name: 'Alpha CSAT 85' });
    expect(
      (
        await t.request(max, {
          method: 'PATCH',
          url: `/api/v1/goals/${alphaCsat.id}`,
          payload: { target: 1 },
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.request(lena, {
          method: 'PATCH',
          url: `/api/v1/goals/${maxGoal.id}`,
          payload: { owner: { kind: 'agent', id: olga.userId } },
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.request(lena, { method: 'DELETE', url: `/api/v1/goals/${maxGoal.id}` })).statusCode).toBe(
      204,
    );
    expect(
      (await t.request(manager, { method: 'GET', url: `/api/v1/goals/${maxGoal.id}` })).json().error.code,
    ).toBe('GOAL_NOT_FOUND');
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'goal')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(
      [...Array(5).fill('goal.created'), 'goal.deleted', 'goal.updated'].sort(),
    );
  });

  it('refuses an unknown owner and a period that ends before it starts, and writes nothing', async () => {
    const { manager } = await teamsDesk(t);
    const unknown = await create(manager, {
      name: 'X',
      kpi: 'csat',
      target: 90,
      owner: { kind: 'team', id: 99999 },
      period: thisMonth(),
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('VALIDATION_FAILED');
    const backwards = await create(manager, {
      name: 'X',
      kpi: 'csat',
      target: 90,
      owner: { kind: 'department' },
      period: { kind: 'custom', from: '2026-12-10', to: '2026-12-01' },
    });
    expect(backwards.statusCode).toBe(400);
    expect(await list(manager)).toEqual([]);
  });

  it('measures progress through computeReport with the owner as the filter', async () => {
    const { admin, manager, alpha } = await teamsDesk(t);
    for (let i = 0; i < 3; i++) {
      const ticket = await openTicket(t, admin, { subject: `Goal ticket ${i}`, teamId: alpha.id });
      if (i < 2) {
        const res = await t.request(admin, {
          method: 'PATCH',
          url: `/api/v1/tickets/${ticket.id}`,
          payload: { status: 'solved' },
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    }
    await foldAllEvents(t.handle.db, { settleMs: 0 });
    const today = dayOf(Date.now());
    const period = { kind: 'custom', from: dayOf(Date.now() - 2 * DAY), to: dayOf(Date.now() + 7 * DAY) };
    const teamGoal = await made(manager, {
      name: 'Alpha solves',
      kpi: 'solved',
      target: 4,
      owner: { kind: 'team', id: alpha.id },
      period,
    });
    const report = await computeReport(t.handle.db, 'volume', {
      from: period.from,
      to: today,
      teamId: alpha.id,
    });
    expect(teamGoal.progress.value).toBe(report.figures.find((f) => f.key === 'solved')?.value);
    expect(teamGoal.progress.value).toBe(2);
    expect(teamGoal.progress.through).toBe(today);
    expect(teamGoal.progress.elapsed).toBeCloseTo(3 / 10);
    // Two solved in 3 of 10 days: about 6.7 by the end, past the target of 4.
    expect(teamGoal.progress.forecast).toBeCloseTo(20 / 3);
    expect(teamGoal.trajectory).toBe('on_track');
    const backlog = await made(manager, {
      name: 'Backlog',
      kpi: 'backlog',
      target: 0,
      owner: { kind: 'department' },
      period,
    });
    const volume = await computeReport(t.handle.db, 'volume', { from: period.from, to: today });
    expect(backlog.progress.value).toBe(volume.figures.find((f) => f.key === 'backlog')?.value);
    expect(backlog.trajectory).toBe('at_risk');
    const ended = await made(manager, {
      name: 'Last month',
      kpi: 'solved',
      target: 1,
      owner: { kind: 'department' },
      period: { kind: 'month', month: '2020-01' },
    });
    expect(ended).toMatchObject({ trajectory: 'missed', progress: { value: 0, elapsed: 1 } });
  });

  it('tells managers and the owner team’s lead once when a goal goes at risk', async () => {
    const { manager, lena, max, alpha } = await teamsDesk(t);
    const period = { kind: 'custom', from: dayOf(Date.now() - DAY), to: dayOf(Date.now() + 20 * DAY) };
    const goal = await made(manager, {
      name: 'Alpha solves a lot',
      kpi: 'solved',
      target: 1000,
      owner: { kind: 'team', id: alpha.id },
      period,
    });
    expect(goal.trajectory).toBe('at_risk');
    const bells = async (userId: number) =>
      (
        await t.handle.db.selectFrom('notifications').select('kind').where('user_id', '=', userId).execute()
      ).filter((n) => n.kind === 'goal_at_risk').length;
    expect(await evaluateGoals(t.handle.db)).toBe(1);
    expect(await evaluateGoals(t.handle.db)).toBe(0);
    expect(await bells(manager.kind === 'session' ? manager.userId : 0)).toBe(1);
    expect(await bells(lena.kind === 'session' ? lena.userId : 0)).toBe(1);
    expect(await bells(max.kind === 'session' ? max.userId : 0)).toBe(0);
    const bell = await t.request(lena, { method: 'GET', url: '/api/v1/me/notifications' });
    expect(bell.json().data[0]).toMatchObject({
      kind: 'goal_at_risk',
      detail: expect.stringContaining('Alpha solves a lot'),
    });
    // Within reach, then at risk again: told again, once.
    await t.request(manager, { method: 'PATCH', url: `/api/v1/goals/${goal.id}`, payload: { target: 0 } });
    expect(await evaluateGoals(t.handle.db)).toBe(0);
    await t.request(manager, { method: 'PATCH', url: `/api/v1/goals/${goal.id}`, payload: { target: 2000 } });
    expect(await evaluateGoals(t.handle.db)).toBe(1);
    expect(await evaluateGoals(t.handle.db)).toBe(0);
    expect(await bells(manager.kind === 'session' ? manager.userId : 0)).toBe(2);
  });
});
