import type { Transporter } from 'nodemailer';
import { expect, it } from 'vitest';
import { type Auth, describeApi, type TestApp } from '../../../test/helpers/app';
import { deliverDueMail } from '../../platform/mail/outbox';
import { insertPastSurvey } from '../feedback';
import { rebuildAggregates, sendDueSchedules } from './index';

const now = '2026-03-10T12:00:00.000Z';

/** A ticket opened at `at` in a category with tags (its history replaced by one creation). */
async function ticketAt(t: TestApp, admin: Auth, at: string, categoryId: number, tags: string[]) {
  const res = await t.request(admin, {
    method: 'POST',
    url: '/api/v1/tickets',
    payload: {
      subject: `Pain ${at}`,
      requester: { email: 'pat@customer.example', name: 'Pat' },
      message: { body: 'Hello' },
      type: 'question',
      priority: 'normal',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  const db = t.handle.db;
  await db
    .updateTable('tickets')
    .set({ created_at: at, category_id: categoryId })
    .where('id', '=', id)
    .execute();
  await db.deleteFrom('ticket_tags').where('ticket_id', '=', id).execute();
  for (const tag of tags) await db.insertInto('ticket_tags').values({ ticket_id: id, tag }).execute();
  await db.deleteFrom('ticket_events').where('ticket_id', '=', id).execute();
  await db
    .insertInto('ticket_events')
    .values({
      ticket_id: id,
      type: 'created',
      actor_type: 'customer',
      actor_id: null,
      to_value: 'new',
      created_at: at,
    })
    .execute();
  const row = await db
    .selectFrom('tickets')
    .select(['requester_id'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, customerId: row.requester_id, categoryId };
}

async function answer(
  t: TestApp,
  ticket: { id: number; customerId: number; categoryId: number },
  positive: boolean,
  comment: string,
  at: string,
) {
  await insertPastSurvey(t.handle.db, {
    ticket: { ...ticket, organizationId: null, agentId: null, teamId: null, channel: 'email' },
    sentAt: at,
    answer: { rating: positive ? 5 : 1, effort: null, comment, reasonId: null, at },
  });
  const row = await t.handle.db
    .updateTable('survey_answers')
    .set({ positive: positive ? 1 : 0, answered_at: at })
    .where('ticket_id', '=', ticket.id)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function painData(t: TestApp) {
  const admin = await t.signIn('admin');
  const db = t.handle.db;
  await db.deleteFrom('ticket_events').execute();
  const category = async (name: string) =>
    (
      await db
        .insertInto('categories')
        .values({ name, parent_id: null, position: 0, archived_at: null, created_at: now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const billing = await category('Billing pains');
  const shipping = await category('Shipping pains');
  const t1 = await ticketAt(t, admin, '2026-03-02T10:00:00.000Z', billing, ['refund']);
  const t2 = await ticketAt(t, admin, '2026-03-03T10:00:00.000Z', billing, ['refund']);
  await ticketAt(t, admin, '2026-03-04T10:00:00.000Z', billing, []);
  const t4 = await ticketAt(t, admin, '2026-03-05T10:00:00.000Z', shipping, ['refund']);
  await ticketAt(t, admin, '2026-02-25T10:00:00.000Z', billing, ['refund']);
  await rebuildAggregates(db);
  const xss = 'Refund took <script>alert(1)</script> weeks';
  const a1 = await answer(t, t1, false, xss, '2026-03-06T10:00:00.000Z');
  await answer(t, t2, true, 'Great help', '2026-03-06T11:00:00.000Z');
  const a4 = await answer(t, t4, false, 'Parcel lost', '2026-03-07T10:00:00.000Z');
  const theme = (
    await db
      .insertInto('feedback_themes')
      .values({ name: 'Delays', created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (const answerId of [a1, a4])
    await db
      .insertInto('survey_answer_themes')
      .values({ answer_id: answerId, theme_id: theme, source: 'manual', created_at: now })
      .execute();
  return { admin, xss };
}

const period = 'from=2026-03-02&to=2026-03-08&tz=UTC';

describeApi('report delivery', (t) => {
  it('computes the pain points of a hand-made week: contact and dissatisfaction drivers with examples', async () => {
    const { admin, xss } = await painData(t);
    const res = await t.request(admin, { method: 'GET', url: `/api/v1/reports/pain-points?${period}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const fig = (key: string) => body.figures.find((f: { key: string }) => f.key === key);
    expect(fig('contacts')).toMatchObject({ value: 4, previous: 1 });
    expect(fig('negative_answers')).toMatchObject({ value: 2, previous: 0 });
    expect(fig('negative_rate').value).toBeCloseTo(200 / 3, 5);
    expect(body.painPoints.contacts).toEqual([
      { kind: 'category', name: 'Billing pains', tickets: 3, share: 75, previous: 1, examples: [xss] },
      {
        kind: 'category',
        name: 'Shipping pains',
        tickets: 1,
        share: 25,
        previous: 0,
        examples: ['Parcel lost'],
      },
      { kind: 'tag', name: 'refund', tickets: 3, share: 75, previous: 1, examples: ['Parcel lost', xss] },
    ]);
    expect(body.painPoints.dissatisfaction).toEqual([
      { kind: 'category', name: 'Billing pains', answers: 2, negative: 1, negativeRate: 50, examples: [xss] },
      {
        kind: 'category',
        name: 'Shipping pains',
        answers: 1,
        negative: 1,
        negativeRate: 100,
        examples: ['Parcel lost'],
      },
      {
        kind: 'theme',
        name: 'Delays',
        answers: 2,
        negative: 2,
        negativeRate: 100,
        examples: ['Parcel lost', xss],
      },
    ]);
    const csv = await t.request(admin, {
      method: 'GET',
      url: `/api/v1/reports/pain-points/export?format=csv&${period}`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('Parcel lost');
  });

  it('shares a report read-only: the link works signed out, a tampered one is 404, revoked or expired 410', async () => {
    const manager = await t.signIn('manager');
    const created = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/report-shares',
      payload: {
        report: 'pain-points',
        filters: { from: '2026-03-02', to: '2026-03-08', tz: 'UTC' },
        label: 'For Product team',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const share = created.json();
    expect(share).toMatchObject({
      label: 'For Product team',
      state: 'active',
      path: `/shared/${share.token}`,
    });
    expect(Date.parse(share.expiresAt) - Date.parse(share.createdAt)).toBe(30 * 86_400_000);
    const stored = await t.handle.db
      .selectFrom('report_shares')
      .selectAll()
      .where('id', '=', share.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(share.token);

    const open = await t.app.inject({ method: 'GET', url: `/api/v1/public/shared-reports/${share.token}` });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.headers['x-robots-tag']).toBe('noindex');
    expect(open.json()).toMatchObject({
      label: 'For Product team',
      report: { report: 'pain-points', period: { from: '2026-03-02', to: '2026-03-08' } },
    });
    const csv = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/shared-reports/${share.token}/export`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');

    const last = share.token.slice(-1) === 'A' ? 'B' : 'A';
    const tampered = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/shared-reports/${share.token.slice(0, -1)}${last}`,
    });
    expect(tampered.statusCode).toBe(404);
    expect(tampered.json().error.code).toBe('REPORT_SHARE_NOT_FOUND');

    const revoked = await t.request(manager, { method: 'DELETE', url: `/api/v1/report-shares/${share.id}` });
    expect(revoked.json().state).toBe('revoked');
    const gone = await t.app.inject({ method: 'GET', url: `/api/v1/public/shared-reports/${share.token}` });
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error.code).toBe('REPORT_SHARE_GONE');

    const other = (
      await t.request(manager, {
        method: 'POST',
        url: '/api/v1/report-shares',
        payload: { report: 'volume', filters: { from: '2026-03-02', to: '2026-03-08' }, expiresInDays: 366 },
      })
    ).json();
    await t.handle.db
      .updateTable('report_shares')
      .set({ expires_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', other.id)
      .execute();
    const expired = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/shared-reports/${other.token}`,
    });
    expect(expired.statusCode).toBe(410);
    const tooLong = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/report-shares',
      payload: { report: 'volume', filters: { from: '2026-03-02', to: '2026-03-08' }, expiresInDays: 367 },
    });
    expect(tooLong.statusCode).toBe(400);
    const list = await t.request(manager, { method: 'GET', url: '/api/v1/report-shares' });
    expect(list.json().items.map((s: { state: string }) => s.state)).toEqual(
      expect.arrayContaining(['revoked', 'expired']),
    );
  });

  it('sends a due schedule once across two concurrent runs, with the CSV attached, and a test send on demand', async () => {
    const manager = await t.signIn('manager');
    const created = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/report-schedules',
      payload: {
        name: 'Weekly pains',
        report: 'pain-points',
        cadence: 'weekly',
        weekday: 1,
        hour: 8,
        userIds: [manager.kind === 'session' ? manager.userId : 0],
        emails: ['product@example.com', 'PRODUCT@example.com'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const schedule = created.json();
    expect(schedule.recipients.emails).toEqual(['product@example.com']);
    expect(schedule.nextRunAt).not.toBeNull();
    const db = t.handle.db;
    await db.deleteFrom('mail_outbox').execute();
    await db
      .updateTable('report_schedules')
      .set({ next_run_at: '2026-03-09T08:00:00.000Z' })
      .where('id', '=', schedule.id)
      .execute();
    const at = Date.parse('2026-03-09T08:00:30.000Z');
    const [a, b] = await Promise.all([sendDueSchedules(db, at), sendDueSchedules(db, at)]);
    expect(a + b).toBe(1);
    const runs = await db
      .selectFrom('report_schedule_runs')
      .selectAll()
      .where('schedule_id', '=', schedule.id)
      .execute();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      period_key: '2026-03-09',
      status: 'sent',
      period_from: '2026-03-02',
      period_to: '2026-03-08',
      recipients: 2,
    });
    const mails = await db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('kind', '=', 'scheduled_report')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toHaveLength(2);
    expect(mails[0]!.subject).toContain('Weekly pains');
    expect(mails[0]!.text_body).toContain('Tickets opened');
    const next = await db
      .selectFrom('report_schedules')
      .select('next_run_at')
      .where('id', '=', schedule.id)
      .executeTakeFirstOrThrow();
    expect(Date.parse(next.next_run_at!)).toBeGreaterThan(at);
    expect(await sendDueSchedules(db, at)).toBe(0);

    // The outbox sends the CSV with the mail.
    const sent: { attachments: { filename: string; content: string }[] }[] = [];
    const transport = {
      sendMail: async (m: (typeof sent)[number]) => void sent.push(m),
    } as unknown as Transporter;
    const log = { info() {}, warn() {}, error() {} } as never;
    await deliverDueMail(db, {
      defaultFrom: 'steward@test.example',
      log,
      transportFor: async () => transport,
      attachmentsFor: async () => [],
      onPermanentFailure: async () => {},
    });
    expect(sent).toHaveLength(2);
    expect(sent[0]!.attachments[0]!.filename).toBe('pain-points-2026-03-02-2026-03-08.csv');
    expect(sent[0]!.attachments[0]!.content).toContain('Pain points report');

    const test = await t.request(manager, {
      method: 'POST',
      url: `/api/v1/report-schedules/${schedule.id}/send`,
    });
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json()).toMatchObject({ test: true, status: 'sent', periodKey: null });
    const after = await db
      .selectFrom('report_schedules')
      .select('next_run_at')
      .where('id', '=', schedule.id)
      .executeTakeFirstOrThrow();
    expect(after.next_run_at).toBe(next.next_run_at);
    const list = await t.request(manager, { method: 'GET', url: '/api/v1/report-schedules' });
    expect(list.json().items.find((s: { id: number }) => s.id === schedule.id).lastRun.test).toBe(true);
  });

  it('records a failing send on its run, retries it, then keeps it as a dead letter without blocking others', async () => {
    const manager = await t.signIn('manager');
    const make = async (name: string) =>
      (
        await t.request(manager, {
          method: 'POST',
          url: '/api/v1/report-schedules',
          payload: { name, report: 'volume', cadence: 'daily', hour: 6, emails: ['ops@example.com'] },
        })
      ).json().id as number;
    const broken = await make('Broken');
    const fine = await make('Fine');
    const db = t.handle.db;
    await db
      .updateTable('report_schedules')
      .set({ filters: JSON.stringify({ tz: 'Not/AZone' }) })
      .where('id', '=', broken)
      .execute();
    await db
      .updateTable('report_schedules')
      .set({ next_run_at: '2026-04-01T06:00:00.000Z' })
      .where('id', 'in', [broken, fine])
      .execute();
    let at = Date.parse('2026-04-01T06:00:10.000Z');
    await sendDueSchedules(db, at);
    const runOf = (id: number) =>
      db
        .selectFrom('report_schedule_runs')
        .selectAll()
        .where('schedule_id', '=', id)
        .where('period_key', '=', '2026-04-01')
        .executeTakeFirstOrThrow();
    expect(await runOf(fine)).toMatchObject({ status: 'sent' });
    expect(await runOf(broken)).toMatchObject({ status: 'failed', attempts: 1 });
    expect((await runOf(broken)).error).toContain('Not/AZone');
    for (const minutes of [6, 40]) {
      at += minutes * 60_000;
      await db.updateTable('report_schedules').set({ active: 0 }).where('id', 'in', [broken, fine]).execute();
      await sendDueSchedules(db, at);
    }
    expect(await runOf(broken)).toMatchObject({ status: 'dead', attempts: 3 });
    const letter = await db
      .selectFrom('job_failures')
      .selectAll()
      .where('job', '=', 'report-schedules')
      .executeTakeFirst();
    expect(letter?.status).toBe('dead');
  });
});
