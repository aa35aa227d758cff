import { expect, it } from 'vitest';
import { type Auth, describeApi, type TestApp } from '../../../test/helpers/app';
import { adapterOf } from '../../db/dialect';
import { checkAggregates, foldAllEvents, foldNewEvents } from './index';
import { reportsRepository } from './reports.repository';

type Ev = {
  type: string;
  at: string;
  from?: string | null;
  to?: string | null;
  actor?: 'user' | 'system' | 'customer';
};
type SlaEv = { type: string; metric: string; at: string; outcome?: string };

/** A ticket through the API, its history then replaced by the hand-made one. */
async function ticketWith(t: TestApp, admin: Auth, history: Ev[], sla: SlaEv[] = [], type = 'question') {
  const res = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/tickets',
    payload: {
      subject: `Report case ${history[0]?.at}`,
      requester: { email: 'dana@customer.example', name: 'Dana' },
      message: { body: 'Hello' },
      type,
      priority: 'normal',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  await t.handle.db.deleteFrom('ticket_events').where('ticket_id', '=', id).execute();
  await t.handle.db.deleteFrom('sla_events').where('ticket_id', '=', id).execute();
  for (const e of history) {
    await t.handle.db
      .insertInto('ticket_events')
      .values({
        ticket_id: id,
        type: e.type,
        actor_type: e.actor ?? 'user',
        actor_id:
          e.actor === 'customer' || e.actor === 'system'
            ? null
            : admin.kind === 'session'
              ? admin.userId
              : null,
        from_value: e.from ?? null,
        to_value: e.to ?? null,
        created_at: e.at,
      })
      .execute();
  }
  for (const e of sla) {
    await t.handle.db
      .insertInto('sla_events')
      .values({
        ticket_id: id,
        type: e.type,
        metric: e.metric,
        policy_id: null,
        detail: JSON.stringify(e.outcome ? { outcome: e.outcome } : {}),
        at: e.at,
      })
      .execute();
  }
  return id;
}

const figureOf = (body: { figures: { key: string; value: number | null }[] }, key: string) =>
  body.figures.find((f) => f.key === key)?.value;

describeApi('reports', (t) => {
  it('computes each KPI of a hand-made history: pauses, a reopening, a merge, SLA outcomes, a DST day', async () => {
    const admin = await t.signIn('admin');
    await t.handle.db.deleteFrom('ticket_events').execute();
    // A: opened 09:00, first reply 10:00 (pending: the requester's turn), solved 11:00. One touch.
    const a = await ticketWith(
      t,
      admin,
      [
        { type: 'created', to: 'new', at: '2026-03-02T09:00:00.000Z' },
        { type: 'customer_replied', to: '1', actor: 'customer', at: '2026-03-02T09:00:00.000Z' },
        { type: 'replied', to: '2', at: '2026-03-02T10:00:00.000Z' },
        { type: 'first_reply', to: '3600', at: '2026-03-02T10:00:00.000Z' },
        { type: 'status_changed', from: 'new', to: 'pending', at: '2026-03-02T10:00:00.000Z' },
        { type: 'status_changed', from: 'pending', to: 'solved', at: '2026-03-02T11:00:00.000Z' },
      ],
      [{ type: 'achieved', metric: 'first_reply', outcome: 'achieved', at: '2026-03-02T10:00:00.000Z' }],
    );
    // B: opened 09:30, answered and solved 12:00, reopened the next day 08:00, solved again 10:00.
    const b = await ticketWith(
      t,
      admin,
      [
        { type: 'created', to: 'open', at: '2026-03-02T09:30:00.000Z' },
        { type: 'replied', to: '4', at: '2026-03-02T12:00:00.000Z' },
        { type: 'first_reply', to: '9000', at: '2026-03-02T12:00:00.000Z' },
        { type: 'status_changed', from: 'open', to: 'solved', at: '2026-03-02T12:00:00.000Z' },
        { type: 'customer_replied', to: '5', actor: 'customer', at: '2026-03-03T08:00:00.000Z' },
        { type: 'status_changed', from: 'solved', to: 'open', at: '2026-03-03T08:00:00.000Z' },
        { type: 'replied', to: '6', at: '2026-03-03T09:00:00.000Z' },
        { type: 'status_changed', from: 'open', to: 'solved', at: '2026-03-03T10:00:00.000Z' },
      ],
      [
        { type: 'breached', metric: 'first_reply', at: '2026-03-02T11:30:00.000Z' },
        {
          type: 'achieved',
          metric: 'first_reply',
          outcome: 'breached_then_achieved',
          at: '2026-03-02T12:00:00.000Z',
        },
      ],
    );
    // C: a complaint opened 23:30, merged into A at 01:00: closed, never solved.
    const c = await ticketWith(
      t,
      admin,
      [
        { type: 'created', to: 'new', at: '2026-03-02T23:30:00.000Z' },
        { type: 'merged', from: 'new', to: String(a), at: '2026-03-03T01:00:00.000Z' },
      ],
      [],
      'complaint',
    );
    // D and E around the start of summer time in Berlin (29 March 2026 is 23 hours long there).
    const d = await ticketWith(t, admin, [{ type: 'created', to: 'new', at: '2026-03-28T23:30:00.000Z' }]);
    const e = await ticketWith(t, admin, [{ type: 'created', to: 'new', at: '2026-03-29T22:30:00.000Z' }]);

    expect(await foldAllEvents(t.handle.db, { settleMs: 0 })).toBeGreaterThan(0);
    expect(await checkAggregates(t.handle.db)).toEqual([]);

    const get = async (report: string, query: string) => {
      const res = await t.request(admin, { method: 'GET', url: `/api/v1/reports/${report}?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const march = 'from=2026-03-02&to=2026-03-03&tz=UTC';
    const volume = await get('volume', march);
    expect(figureOf(volume, 'created')).toBe(3);
    expect(figureOf(volume, 'solved')).toBe(3);
    expect(figureOf(volume, 'reopened')).toBe(1);
    // 3 opened − 3 solves − 1 merged + 1 reopened
    expect(figureOf(volume, 'backlog')).toBe(0);
    expect(volume.series.grain).toBe('hour');
    expect(volume.previous).toEqual({ from: '2026-02-28', to: '2026-03-01' });

    const quality = await get('quality', march);
    // B's first solve was one touch until it was reopened.
    expect(figureOf(quality, 'one_touch')).toBeCloseTo(100 / 3, 5);
    expect(figureOf(quality, 'reopen_rate')).toBeCloseTo(100 / 3, 5);
    expect(figureOf(quality, 'replies_per_ticket')).toBeCloseTo(1, 5);

    const speed = await get('speed', march);
    const near = (value: number | null | undefined, hours: number) => {
      expect(value).not.toBeNull();
      expect(Math.abs((value as number) / hours - 1)).toBeLessThan(0.095);
    };
    near(figureOf(speed, 'first_reply_median'), 1);
    near(figureOf(speed, 'first_reply_p90'), 2.5);
    // Final resolutions only: A 2 h, B 24.5 h (from opening to the solve after the reopening).
    near(figureOf(speed, 'resolution_median'), 2);
    near(figureOf(speed, 'resolution_p90'), 24.5);
    // Waiting: A 1 h (pending does not count), B 2.5 h + 2 h.
    near(figureOf(speed, 'wait_median'), 1);
    near(figureOf(speed, 'wait_p90'), 4.5);

    const sla = await get('service-levels', march);
    expect(figureOf(sla, 'sla_first_reply')).toBe(50);
    expect(figureOf(sla, 'sla_resolution')).toBeNull();

    const complaints = await get('complaints', march);
    expect(figureOf(complaints, 'complaints')).toBe(1);
    expect(figureOf(complaints, 'complaint_share')).toBeCloseTo(100 / 3, 5);
    // The merged complaint has no final response.
    expect(figureOf(complaints, 'resolution_median')).toBeNull();

    // Day boundaries: Berlin's 29 March holds D (00:30 local), UTC's holds E.
    const drill = async (query: string) => {
      const res = await t.request(admin, { method: 'GET', url: `/api/v1/reports/drill?${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { total: number; rows: { id: number }[] };
    };
    const berlin = await get('volume', 'from=2026-03-29&to=2026-03-29&tz=Europe/Berlin');
    expect(figureOf(berlin, 'created')).toBe(1);
    expect(berlin.series.points).toHaveLength(23);
    expect(
      (await drill('metric=created&from=2026-03-29&to=2026-03-29&tz=Europe/Berlin')).rows.map((r) => r.id),
    ).toEqual([d]);
    expect(
      (await drill('metric=created&from=2026-03-29&to=2026-03-29&tz=UTC')).rows.map((r) => r.id),
    ).toEqual([e]);

    // Drill-down: the tickets behind a figure.
    expect((await drill(`metric=reopened&${march}`)).rows.map((r) => r.id)).toEqual([b]);
    expect((await drill(`metric=solved&${march}`)).rows.map((r) => r.id).sort()).toEqual([a, b].sort());
    expect((await drill(`metric=complaints&${march}`)).rows.map((r) => r.id)).toEqual([c]);
    expect((await drill(`metric=sla_breached&${march}`)).rows.map((r) => r.id)).toEqual([b]);

    // Export.
    const csv = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/reports/volume/export?format=csv&${march}`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Created,count,3,0,');
    const xlsx = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/reports/speed/export?format=xlsx&${march}`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows a team lead their own teams only, and an agent leading none nothing', async () => {
    const manager = await t.signIn('manager');
    const lead = await t.signIn('agent', { email: 'lead@steward.test', name: 'Lee Lead' });
    const other = await t.signIn('agent', { email: 'other@steward.test', name: 'Oli Other' });
    const team = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/teams',
      payload: { name: 'Led team', leadId: lead.kind === 'session' ? lead.userId : null },
    });
    expect(team.statusCode, team.body).toBe(201);
    const teamId = team.json().id as number;
    const q = 'from=2026-03-02&to=2026-03-03';
    const mine = await t.request(lead, { method: 'GET', url: `/api/v1/reports/volume?${q}` });
    expect(mine.statusCode, mine.body).toBe(200);
    // Nothing in the hand-made history belongs to the lead's team.
    expect(figureOf(mine.json(), 'created')).toBe(0);
    expect(
      (await t.request(lead, { method: 'GET', url: `/api/v1/reports/volume?${q}&teamId=${teamId}` }))
        .statusCode,
    ).toBe(200);
    const elsewhere = await t.request(lead, {
      method: 'GET',
      url: `/api/v1/reports/volume?${q}&teamId=${teamId + 1000}`,
    });
    expect(elsewhere.statusCode).toBe(403);
    const drill = await t.request(lead, { method: 'GET', url: `/api/v1/reports/drill?metric=created&${q}` });
    expect(drill.json().total).toBe(0);
    const refused = await t.request(other, { method: 'GET', url: `/api/v1/reports/volume?${q}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('applies each event once while two consumers run at the same time', async () => {
    const admin = await t.signIn('admin');
    const before = await t.handle.db
      .selectFrom('report_hours')
      .select((eb) => eb.fn.sum<number>('created').as('n'))
      .where('grain', '=', 'all')
      .executeTakeFirst();
    const created = 40;
    for (let i = 0; i < created; i += 1) {
      const at = new Date(Date.UTC(2026, 4, 1, i % 24, i)).toISOString();
      await ticketWith(t, admin, [
        { type: 'created', to: 'new', at },
        { type: 'replied', to: '1', at },
        { type: 'status_changed', from: 'new', to: 'solved', at },
      ]);
    }
    const run = async () => {
      let n = 0;
      for (;;) {
        const folded = await foldNewEvents(t.handle.db, { settleMs: 0, batch: 7 });
        n += folded;
        if (folded === 0) return n;
      }
    };
    const [one, two] = await Promise.all([run(), run()]);
    expect(one + two).toBe(created * 3);
    const after = await t.handle.db
      .selectFrom('report_hours')
      .select((eb) => eb.fn.sum<number>('created').as('n'))
      .where('grain', '=', 'all')
      .executeTakeFirst();
    expect(Number(after?.n) - Number(before?.n ?? 0)).toBe(created);
    expect(await checkAggregates(t.handle.db)).toEqual([]);
  });

  it('does not pass an event whose transaction commits late, where ids can commit out of order', async () => {
    const admin = await t.signIn('admin');
    await foldAllEvents(t.handle.db, { settleMs: 0 });
    const id = await ticketWith(t, admin, [{ type: 'created', to: 'new', at: '2026-06-01T09:00:00.000Z' }]);
    await t.handle.db.deleteFrom('ticket_events').where('ticket_id', '=', id).execute();
    if (adapterOf(t.handle.db).idsCommitInOrder) {
      // One writer at a time: what is committed is all there is, and the fold reads it at once.
      await t.handle.db
        .insertInto('ticket_events')
        .values({
          ticket_id: id,
          type: 'created',
          actor_type: 'system',
          created_at: new Date().toISOString(),
        })
        .execute();
      expect(await foldNewEvents(t.handle.db, { settleMs: 60_000 })).toBe(1);
      return;
    }
    // An event takes its id, then its transaction stays open while a later one commits.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted!: () => void;
    const insertedOnce = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const late = t.handle.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('ticket_events')
        .values({
          ticket_id: id,
          type: 'created',
          actor_type: 'system',
          created_at: new Date().toISOString(),
        })
        .execute();
      inserted();
      await held;
    });
    await insertedOnce;
    await t.handle.db
      .insertInto('ticket_events')
      .values({ ticket_id: id, type: 'replied', actor_type: 'user', created_at: new Date().toISOString() })
      .execute();
    // The committed later event is within the settling lag: nothing is read past the late one.
    expect(await foldNewEvents(t.handle.db, { settleMs: 400 })).toBe(0);
    release();
    await late;
    await new Promise((r) => setTimeout(r, 450));
    expect(await foldNewEvents(t.handle.db, { settleMs: 400 })).toBe(2);
    expect(await checkAggregates(t.handle.db)).toEqual([]);
  });
});

describeApi('agent productivity', (t) => {
  it('counts each agent’s solves, replies, tickets touched and logged time, a removed entry taken back', async () => {
    const admin = await t.signIn('admin');
    await t.handle.db.deleteFrom('ticket_events').execute();
    const logged = (id: number, minutes: number) => JSON.stringify({ id, minutes });
    const a = await ticketWith(t, admin, [
      { type: 'created', to: 'new', at: '2026-04-06T09:00:00.000Z' },
      { type: 'replied', to: '1', at: '2026-04-06T09:30:00.000Z' },
      { type: 'time_logged', to: logged(1, 30), at: '2026-04-06T09:40:00.000Z' },
      { type: 'time_logged', to: logged(2, 15), at: '2026-04-06T10:05:00.000Z' },
      { type: 'status_changed', from: 'new', to: 'solved', at: '2026-04-06T10:10:00.000Z' },
    ]);
    await ticketWith(t, admin, [
      { type: 'created', to: 'new', at: '2026-04-07T09:00:00.000Z' },
      { type: 'time_logged', to: logged(3, 20), at: '2026-04-07T09:20:00.000Z' },
    ]);
    // Entry 2 removed the next day: its 15 minutes come off the day it was logged.
    await t.handle.db
      .insertInto('ticket_events')
      .values({
        ticket_id: a,
        type: 'time_removed',
        actor_type: 'user',
        actor_id: admin.kind === 'session' ? admin.userId : null,
        from_value: JSON.stringify({
          id: 2,
          minutes: 15,
          userId: admin.kind === 'session' ? admin.userId : 0,
          at: '2026-04-06T10:05:00.000Z',
        }),
        to_value: null,
        created_at: '2026-04-08T12:00:00.000Z',
      })
      .execute();
    await foldAllEvents(t.handle.db, { settleMs: 0 });
    expect(await checkAggregates(t.handle.db)).toEqual([]);
    const res = await t.request(admin, {
      method: 'GET',
      url: '/api/v1/reports/productivity?from=2026-04-06&to=2026-04-07&tz=UTC',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(figureOf(body, 'agent_solved')).toBe(1);
    expect(figureOf(body, 'agent_replies')).toBe(1);
    expect(figureOf(body, 'handle_time')).toBeCloseTo(50 / 60, 6);
    expect(figureOf(body, 'handle_time_per_ticket')).toBeCloseTo(25 / 60, 6);
    expect(body.table.rows).toEqual([
      expect.objectContaining({ solved: 1, replies: 1, touched: 2, handleTickets: 2 }),
    ]);
    expect(body.table.rows[0].handleHours).toBeCloseTo(50 / 60, 6);
  });
});

describeApi('report grains', (t) => {
  it('reads the same figures at the coarse grains as from the rows of every dimension', async () => {
    const admin = await t.signIn('admin');
    await t.handle.db.deleteFrom('ticket_events').execute();
    const days = ['2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06'];
    for (const [i, day] of days.entries()) {
      for (const team of [1, 2]) {
        await ticketWith(
          t,
          admin,
          [
            { type: 'created', to: 'new', at: `${day}T0${i + 1}:00:00.000Z` },
            { type: 'team_changed', from: '', to: String(team), at: `${day}T0${i + 1}:10:00.000Z` },
            { type: 'assigned', from: '', to: String(team + 10), at: `${day}T0${i + 1}:20:00.000Z` },
            { type: 'replied', to: '1', at: `${day}T${10 + i}:00:00.000Z` },
            { type: 'first_reply', to: String(3600 * (i + team)), at: `${day}T${10 + i}:00:00.000Z` },
            { type: 'status_changed', from: 'new', to: 'solved', at: `${day}T${20 + i}:30:00.000Z` },
          ],
          [],
          team === 1 && i % 2 === 0 ? 'complaint' : 'question',
        );
      }
    }
    await foldAllEvents(t.handle.db, { settleMs: 0 });
    expect(await checkAggregates(t.handle.db)).toEqual([]);
    const metrics = ['first_reply', 'resolution', 'wait'] as const;
    // Whole UTC days, and a span whose edges fall inside days (a zone off UTC).
    for (const [from, until] of [
      ['2026-05-03T00:00:00.000Z', '2026-05-07T00:00:00.000Z'],
      ['2026-05-03T05:00:00.000Z', '2026-05-06T22:00:00.000Z'],
      ['2026-05-04T03:00:00.000Z', '2026-05-04T23:00:00.000Z'],
    ] as const) {
      for (const narrow of [
        {},
        { teamId: 1 },
        { teamIds: [2] },
        { agentId: 12 },
        { teamId: 1, type: 'complaint' },
      ]) {
        const scope = { from, until, ...narrow };
        const all = { ...scope, grain: 'all' as const };
        expect(await reportsRepository.counterTotals(t.handle.db, scope)).toEqual(
          await reportsRepository.counterTotals(t.handle.db, all),
        );
        expect(await reportsRepository.counterHours(t.handle.db, scope)).toEqual(
          await reportsRepository.counterHours(t.handle.db, all),
        );
        expect(await reportsRepository.buckets(t.handle.db, scope, metrics)).toEqual(
          await reportsRepository.buckets(t.handle.db, all, metrics),
        );
        expect(await reportsRepository.backlogBefore(t.handle.db, scope, until)).toBe(
          await reportsRepository.backlogBefore(t.handle.db, all, until),
        );
      }
    }
    // The coarse grains were read at all: one team's counters come from one row an hour.
    const teamRows = await t.handle.db
      .selectFrom('report_hours')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('grain', '=', 'team')
      .where('team_id', '=', 1)
      .executeTakeFirst();
    expect(Number(teamRows?.n)).toBeGreaterThan(0);
  });
});
