import { expect, it } from 'vitest';
import { type ReportCounter, reportCounters } from '../../../contracts/reports';
import { type Auth, describeApi, type TestApp } from '../../../test/helpers/app';
import { insertPastSurvey } from '../feedback';
import { foldAllEvents, runSpikeDetection } from './index';

const HOUR = 3_600_000;
const zeros = Object.fromEntries(reportCounters.map((c) => [c, 0])) as Record<ReportCounter, number>;
/** A Monday afternoon, ten minutes into the hour. */
const NOW = Date.parse('2026-11-30T14:10:00.000Z');
const CURRENT = Math.floor(NOW / HOUR) * HOUR;
const WEEKS = 6;

async function category(t: TestApp, name: string) {
  const row = await t.handle.db
    .insertInto('categories')
    .values({ name, parent_id: null, position: 0, archived_at: null, created_at: '2026-01-01T00:00:00.000Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A usual week: busier by day, a little noise that repeats by week index. */
const usual = (at: number, week: number) => {
  const hourOfDay = new Date(at).getUTCHours();
  return (hourOfDay >= 8 && hourOfDay < 18 ? 4 : 1) + ((week + hourOfDay) % 3);
};

/** Hourly incoming counts of a category straight into the aggregates (at the grain the detector reads), for six weeks and three hours. */
async function history(t: TestApp, categoryId: number, extra: Map<number, number> = new Map()) {
  const rows = [];
  const start = CURRENT - (WEEKS * 168 + 2) * HOUR;
  for (let at = start; at <= CURRENT; at += HOUR) {
    const week = Math.floor((CURRENT - at) / (168 * HOUR));
    rows.push({
      ...zeros,
      grain: 'category',
      hour: new Date(at).toISOString(),
      team_id: 0,
      agent_id: 0,
      channel: '',
      category_id: categoryId,
      priority: '',
      type: '',
      organization_id: 0,
      created: usual(at, week) + (extra.get(at) ?? 0),
    });
  }
  for (let i = 0; i < rows.length; i += 200)
    await t.handle.db
      .insertInto('report_hours')
      .values(rows.slice(i, i + 200))
      .execute();
}

async function ticketAt(t: TestApp, admin: Auth, categoryId: number, at: string) {
  const res = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/tickets',
    payload: {
      subject: `Cannot pay ${at}`,
      requester: { email: 'dana@customer.example', name: 'Dana' },
      message: { body: 'Hello' },
      categoryId,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  await t.handle.db.updateTable('tickets').set({ created_at: at }).where('id', '=', id).execute();
  return id;
}

const alertsOf = (t: TestApp) => t.handle.db.selectFrom('spike_alerts').selectAll().orderBy('id').execute();
const bellsOf = (t: TestApp) =>
  t.handle.db.selectFrom('notifications').selectAll().where('kind', '=', 'spike_alert').execute();

describeApi('spike alerts', (t) => {
  it('raises nothing on usual weeks', async () => {
    await t.signIn('manager');
    const billing = await category(t, 'Billing');
    const shipping = await category(t, 'Shipping');
    await history(t, billing);
    await history(t, shipping);
    const run = await runSpikeDetection(t.handle.db, { now: NOW });
    expect(run).toMatchObject({ ran: true, opened: 0, extended: 0, resolved: 0 });
    expect(await alertsOf(t)).toEqual([]);
    expect(await bellsOf(t)).toEqual([]);
  });

  it('opens one alert with the spike hour’s tickets, tells managers once, extends on a re-run, resolves after normal hours', async () => {
    const admin = await t.signIn('admin');
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    const billing = await category(t, 'Billing');
    const shipping = await category(t, 'Shipping');
    const spikeHour = CURRENT - HOUR;
    await history(t, billing, new Map([[spikeHour, 20]]));
    await history(t, shipping);
    const inSpike = [];
    for (let i = 0; i < 4; i++)
      inSpike.push(await ticketAt(t, admin, billing, new Date(spikeHour + (i + 1) * 600_000).toISOString()));
    // Same category, an hour outside the spike; another category in the spike hour.
    await ticketAt(t, admin, billing, new Date(spikeHour - 2 * HOUR).toISOString());
    await ticketAt(t, admin, shipping, new Date(spikeHour + 60_000).toISOString());

    const first = await runSpikeDetection(t.handle.db, { now: NOW });
    expect(first).toMatchObject({ opened: 1, extended: 0 });
    const [alert] = await alertsOf(t);
    expect(alert).toMatchObject({
      category_id: billing,
      measure: 'volume',
      state: 'open',
      started_at: new Date(spikeHour).toISOString(),
    });
    expect(alert!.observed).toBeGreaterThanOrEqual(20);
    expect(JSON.parse(alert!.ticket_ids)).toEqual(inSpike);
    const bells = await bellsOf(t);
    expect(bells.map((b) => b.user_id).sort()).toContain(manager.userId);
    expect(bells.some((b) => b.user_id === agent.userId)).toBe(false);

    // A second run (or a second node) extends the same alert; nobody is told again.
    const again = await runSpikeDetection(t.handle.db, { now: NOW + 60_000 });
    expect(again).toMatchObject({ opened: 0, extended: 1 });
    expect(await alertsOf(t)).toHaveLength(1);
    expect(await bellsOf(t)).toHaveLength(bells.length);

    // One run per slot across nodes.
    expect((await runSpikeDetection(t.handle.db, { now: NOW, claim: true })).ran).toBe(true);
    expect((await runSpikeDetection(t.handle.db, { now: NOW + 1000, claim: true })).ran).toBe(false);

    // The API: managers list and acknowledge; agents see none; the board shows it.
    const list = await t.request(manager, { method: 'GET', url: '/api/v1/spike-alerts' });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().data[0]).toMatchObject({
      category: { id: billing, name: 'Billing' },
      ticketIds: inSpike,
      state: 'open',
    });
    expect(list.json().data[0].title).toMatch(/^Billing: \d+ tickets in an hour, about \d+ expected$/);
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/spike-alerts' })).statusCode).toBe(403);
    const board = await t.request(manager, { method: 'GET', url: '/api/v1/board' });
    expect(board.json().alerts.filter((a: { kind: string }) => a.kind === 'spike')).toHaveLength(1);
    const ack = await t.request(manager, {
      method: 'POST',
      url: `/api/v1/spike-alerts/${alert!.id}/acknowledge`,
    });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json().state).toBe('acknowledged');
    const missing = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/spike-alerts/99999/acknowledge',
    });
    expect(missing.statusCode).toBe(404);

    // Three normal hours later the alert resolves, and a later run leaves it resolved.
    const later = await runSpikeDetection(t.handle.db, { now: NOW + 3 * HOUR });
    expect(later.resolved).toBe(1);
    expect((await alertsOf(t))[0]).toMatchObject({ state: 'resolved' });
    expect((await runSpikeDetection(t.handle.db, { now: NOW + 4 * HOUR })).resolved).toBe(0);
  });

  it('keeps the threshold and minimum count in settings, managers only', async () => {
    const manager = await t.signIn('manager');
    const agent = await t.signIn('agent');
    const read = await t.request(manager, { method: 'GET', url: '/api/v1/spike-alerts/settings' });
    expect(read.json()).toEqual({ threshold: 3.2, minCount: 5 });
    const put = await t.request(manager, {
      method: 'PUT',
      url: '/api/v1/spike-alerts/settings',
      payload: { threshold: 4, minCount: 8 },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(
      (await t.request(manager, { method: 'GET', url: '/api/v1/spike-alerts/settings' })).json(),
    ).toEqual({ threshold: 4, minCount: 8 });
    const bad = await t.request(manager, {
      method: 'PUT',
      url: '/api/v1/spike-alerts/settings',
      payload: { threshold: 0, minCount: 8 },
    });
    expect(bad.statusCode).toBe(400);
    expect(
      (
        await t.request(agent, {
          method: 'PUT',
          url: '/api/v1/spike-alerts/settings',
          payload: { threshold: 4, minCount: 8 },
        })
      ).statusCode,
    ).toBe(403);
  });
});

describeApi('trends', (t) => {
  it('gives volume and scores by day and week, split by category, tag and a product field, top N and Other', async () => {
    const admin = await t.signIn('admin');
    const manager = await t.signIn('manager');
    const a = await category(t, 'Accounts');
    const b = await category(t, 'Billing');
    const c = await category(t, 'Cancellations');
    const hour = (at: string, categoryId: number, created: number) => ({
      ...zeros,
      grain: 'category',
      hour: at,
      team_id: 0,
      agent_id: 0,
      channel: '',
      category_id: categoryId,
      priority: '',
      type: '',
      organization_id: 0,
      created,
    });
    await t.handle.db
      .insertInto('report_hours')
      .values([
        hour('2026-11-02T10:00:00.000Z', a, 3),
        hour('2026-11-02T11:00:00.000Z', b, 1),
        hour('2026-11-03T09:00:00.000Z', a, 2),
        hour('2026-11-03T15:00:00.000Z', c, 2),
        hour('2026-11-05T15:00:00.000Z', c, 9),
      ])
      .execute();
    const get = async (query: string) => {
      const res = await t.request(manager, { method: 'GET', url: `/api/v1/trends?tz=UTC&${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };

    const byDay = await get('from=2026-11-02&to=2026-11-03&top=2');
    expect(byDay.keys).toEqual([
      { key: `s_${a}`, label: 'Accounts', total: 5 },
      { key: `s_${c}`, label: 'Cancellations', total: 2 },
      { key: 's_other', label: 'Other', total: 1 },
    ]);
    expect(byDay.points).toEqual([
      { bucket: '2026-11-02', [`s_${a}`]: 3, [`s_${c}`]: 0, s_other: 1 },
      { bucket: '2026-11-03', [`s_${a}`]: 2, [`s_${c}`]: 2, s_other: 0 },
    ]);
    const byWeek = await get('from=2026-11-02&to=2026-11-03&top=2&grain=week');
    expect(byWeek.points).toEqual([{ bucket: '2026-11-02', [`s_${a}`]: 5, [`s_${c}`]: 2, s_other: 1 }]);

    // Three tickets on 2 November: tags, a product field, and answers.
    const field = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/custom-fields',
      payload: { key: 'product', label: 'Product', type: 'dropdown', options: ['Router', 'Modem'] },
    });
    expect(field.statusCode, field.body).toBe(201);
    const made: number[] = [];
    for (const [categoryId, tags] of [
      [a, ['vip', 'refund']],
      [a, ['refund']],
      [b, []],
    ] as const) {
      const res = await t.request(admin, {
        method: 'POST',
        url: '/api/v1/tickets',
        payload: {
          subject: 'Trend case',
          requester: { email: 'dana@customer.example', name: 'Dana' },
          message: { body: 'Hello' },
          categoryId,
          tags,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      made.push(res.json().id as number);
    }
    await t.handle.db
      .updateTable('tickets')
      .set({ created_at: '2026-11-02T09:00:00.000Z' })
      .where('id', 'in', made)
      .execute();
    await t.handle.db
      .updateTable('ticket_events')
      .set({ created_at: '2026-11-02T09:00:00.000Z' })
      .where('ticket_id', 'in', made)
      .where('type', '=', 'created')
      .execute();
    for (const id of made.slice(0, 2)) {
      const res = await t.request(admin, {
        method: 'PATCH',
        url: `/api/v1/tickets/${id}`,
        payload: { customFields: { product: 'Router' } },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    await foldAllEvents(t.handle.db, { settleMs: 0 });
    const byTag = await get('from=2026-11-02&to=2026-11-02&split=tag');
    expect(byTag.keys).toEqual([
      { key: 's_refund', label: 'refund', total: 2 },
      { key: 's_none', label: 'No tag', total: 1 },
      { key: 's_vip', label: 'vip', total: 1 },
    ]);
    const byProduct = await get('from=2026-11-02&to=2026-11-02&split=product&field=product');
    expect(byProduct.keys).toEqual([
      { key: 's_Router', label: 'Router', total: 2 },
      { key: 's_none', label: 'No product', total: 1 },
    ]);

    await t.handle.db.updateTable('survey_settings').set({ scale: 'five', ask_effort: 1 }).execute();
    const answers: [number, number, number][] = [
      [5, 2, a],
      [1, 6, a],
      [4, 3, b],
    ];
    for (const [i, [rating, effort, categoryId]] of answers.entries()) {
      const ticket = await t.handle.db
        .selectFrom('tickets')
        .select(['requester_id', 'organization_id'])
        .where('id', '=', made[i]!)
        .executeTakeFirstOrThrow();
      await insertPastSurvey(t.handle.db, {
        ticket: {
          id: made[i]!,
          customerId: ticket.requester_id,
          organizationId: ticket.organization_id,
          agentId: null,
          teamId: null,
          categoryId,
          channel: 'email',
        },
        sentAt: '2026-11-02T10:00:00.000Z',
        answer: { rating, effort, comment: '', reasonId: null, at: '2026-11-02T12:00:00.000Z' },
      });
    }
    await foldAllEvents(t.handle.db, { settleMs: 0 });
    const csat = await get('from=2026-11-02&to=2026-11-02&measure=csat');
    expect(csat.unit).toBe('percent');
    expect(csat.points).toEqual([{ bucket: '2026-11-02', [`s_${a}`]: 50, [`s_${b}`]: 100 }]);
    const ces = await get('from=2026-11-02&to=2026-11-02&measure=ces');
    expect(ces.points).toEqual([{ bucket: '2026-11-02', [`s_${a}`]: 4, [`s_${b}`]: 3 }]);
    const negative = await get('from=2026-11-02&to=2026-11-02&measure=negative&split=tag');
    expect(negative.keys).toEqual([{ key: 's_refund', label: 'refund', total: 1 }]);

    const agent = await t.signIn('agent');
    expect(
      (await t.request(agent, { method: 'GET', url: '/api/v1/trends?from=2026-11-02&to=2026-11-02' }))
        .statusCode,
    ).toBe(403);
  });
});
