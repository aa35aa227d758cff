import { expect, it } from 'vitest';
import type {
  DataQualityCheckKey,
  DataQualityFinding,
  DataQualityOverview,
  DataQualityRun,
} from '../../../contracts/data-quality';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { openTicket } from '../../../test/helpers/tickets';
import { runDailyDataQuality } from './index';

const DAY = 86_400_000;

describeApi('the data-quality monitor', (t) => {
  const run = async (auth: Auth) => {
    const res = await t.request(auth, { method: 'POST', url: '/api/v1/data-quality/runs' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as DataQualityRun;
  };
  const of = (r: DataQualityRun, check: DataQualityCheckKey) =>
    r.findings.find((f) => f.check === check) as DataQualityFinding;
  const ids = (f: DataQualityFinding) => f.items.map((i) => i.id);
  const post = async (auth: Auth, url: string, payload: object) => {
    const res = await t.request(auth, { method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: number };
  };

  it('scores a clean desk 100 and has no history before a run', async () => {
    const manager = await t.signIn('manager');
    const overview = (await t.request(manager, { method: 'GET', url: '/api/v1/data-quality' })).json();
    expect(overview).toEqual({ settings: { staleDays: 7 }, latest: null, history: [] });
    const first = await run(manager);
    expect(first.score).toBe(100);
    expect(first.findings.map((f) => f.count)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('finds each planted case and not the clean ones, and the fix unassigns and is audited', async () => {
    const admin = await t.signIn('admin');
    const manager = await t.signIn('manager');
    const leaving = await t.signIn('agent', { name: 'Leaving Agent' });
    const staying = await t.signIn('agent', { name: 'Staying Agent' });
    const now = Date.now();

    // Tickets: categories are unset on every ticket opened here; give the clean one a category.
    const category = (
      await t.request(admin, { method: 'POST', url: '/api/v1/categories', payload: { name: 'Orders' } })
    ).json() as { id: number };
    const clean = await openTicket(t, admin, {
      subject: 'Clean',
      categoryId: category.id,
      assigneeId: staying.userId,
    });
    const stale = await openTicket(t, admin, { subject: 'Forgotten', categoryId: category.id });
    await t.handle.db
      .updateTable('tickets')
      .set({ updated_at: new Date(now - 10 * DAY).toISOString() })
      .where('id', '=', stale.id)
      .execute();
    const orphan = await openTicket(t, admin, {
      subject: 'On a leaver',
      categoryId: category.id,
      assigneeId: leaving.userId,
    });
    await t.handle.db
      .updateTable('users')
      .set({ deactivated_at: new Date(now).toISOString() })
      .where('id', '=', leaving.userId)
      .execute();
    const uncategorised = await openTicket(t, admin, { subject: 'No category' });
    const silent = await openTicket(t, admin, {
      subject: 'Solved silently',
      categoryId: category.id,
      status: 'solved',
    });
    const answered = await openTicket(t, admin, { subject: 'Answered', categoryId: category.id });
    await t.request(admin, {
      method: 'POST',
      url: `/api/v1/tickets/${answered.id}/messages`,
      payload: { kind: 'reply', body: 'Here is the answer.' },
    });
    await t.request(admin, {
      method: 'PATCH',
      url: `/api/v1/tickets/${answered.id}`,
      payload: { status: 'solved' },
    });

    // Customers: gmail/googlemail, one organisation's two domains, the same phone; and a clean pair.
    const acme = await post(admin, '/api/v1/organizations', {
      name: 'Acme',
      domains: ['acme.example', 'acme-mail.example'],
    });
    const bare = await post(admin, '/api/v1/organizations', { name: 'No Domain Ltd' });
    const customer = (body: object) => post(admin, '/api/v1/customers', body);
    const gmail = await customer({ name: 'Jo Gmail', email: 'jo.smith@gmail.com' });
    const googlemail = await customer({ name: 'Jo Googlemail', email: 'josmith@googlemail.com' });
    const acmeOne = await customer({ name: 'Kim A', email: 'kim@acme.example', organizationId: acme.id });
    const acmeTwo = await customer({
      name: 'Kim B',
      email: 'kim@acme-mail.example',
      organizationId: acme.id,
    });
    const phoneOne = await customer({ name: 'Lee One', phone: '+44 20 7946 0000' });
    const phoneTwo = await customer({ name: 'Lee Two', phone: '0044 (20) 7946-0000' });
    const distinctA = await customer({ name: 'Max', email: 'max@one.example' });
    const distinctB = await customer({ name: 'Max', email: 'max@two.example' });

    // Contracts: one ended with no renewal; one ended but renewed.
    const today = new Date(now).toISOString().slice(0, 10);
    const past = (days: number) => new Date(now - days * DAY).toISOString().slice(0, 10);
    const future = (days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);
    const lapsed = await post(admin, '/api/v1/organizations', {
      name: 'Lapsed',
      domains: ['lapsed.example'],
    });
    await post(admin, '/api/v1/contracts', {
      organizationId: lapsed.id,
      plan: 'Gold',
      startsOn: past(400),
      endsOn: past(5),
    });
    await post(admin, '/api/v1/contracts', {
      organizationId: acme.id,
      plan: 'Old',
      startsOn: past(800),
      endsOn: past(400),
    });
    await post(admin, '/api/v1/contracts', {
      organizationId: acme.id,
      plan: 'New',
      startsOn: past(399),
      endsOn: future(30),
    });
    expect(today.length).toBe(10);

    const found = await run(manager);
    expect(ids(of(found, 'missing-category'))).toContain(uncategorised.id);
    expect(ids(of(found, 'missing-category'))).not.toContain(clean.id);
    expect(ids(of(found, 'stale-open'))).toEqual([stale.id]);
    expect(ids(of(found, 'deactivated-assignee'))).toEqual([orphan.id]);
    expect(of(found, 'deactivated-assignee').items[0]?.detail).toContain('Leaving Agent');
    expect(ids(of(found, 'solved-without-reply'))).toEqual([silent.id]);
    const pairs = of(found, 'duplicate-customers').items.map((i) => [i.id, i.relatedId]);
    expect(pairs).toEqual(
      expect.arrayContaining([
        [googlemail.id, gmail.id],
        [acmeTwo.id, acmeOne.id],
        [phoneTwo.id, phoneOne.id],
      ]),
    );
    expect(of(found, 'duplicate-customers').count).toBe(3);
    expect(pairs.flat()).not.toContain(distinctA.id);
    expect(pairs.flat()).not.toContain(distinctB.id);
    expect(of(found, 'expired-contracts').items.map((i) => i.id)).toEqual([lapsed.id]);
    expect(of(found, 'organizations-without-domain').items.map((i) => i.id)).toEqual([bare.id]);
    expect(found.score).toBeLessThan(100);
    expect(found.score).toBeGreaterThan(0);

    // The stale threshold is a setting.
    const set = await t.request(manager, {
      method: 'PUT',
      url: '/api/v1/data-quality/settings',
      payload: { staleDays: 30 },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(of(await run(manager), 'stale-open').count).toBe(0);

    // The fix unassigns the ticket on the deactivated agent, skips one that is not, and audits.
    const fix = await t.request(manager, {
      method: 'POST',
      url: '/api/v1/data-quality/fixes',
      payload: { check: 'deactivated-assignee', ticketIds: [orphan.id, clean.id] },
    });
    expect(fix.statusCode, fix.body).toBe(200);
    expect(fix.json()).toEqual({ fixed: [orphan.id], skipped: [clean.id] });
    const ticket = (await t.request(manager, { method: 'GET', url: `/api/v1/tickets/${orphan.id}` })).json();
    expect(ticket.assignee).toBeNull();
    const keep = (await t.request(manager, { method: 'GET', url: `/api/v1/tickets/${clean.id}` })).json();
    expect(keep.assignee?.id).toBe(staying.userId);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'data_quality.unassigned')
      .execute();
    expect(audit).toEqual([{ action: 'data_quality.unassigned', entity_id: String(orphan.id) }]);
    expect(of(await run(manager), 'deactivated-assignee').count).toBe(0);

    // The overview keeps the latest run and the score history.
    const overview = (
      await t.request(manager, { method: 'GET', url: '/api/v1/data-quality' })
    ).json() as DataQualityOverview;
    expect(overview.settings.staleDays).toBe(30);
    expect(overview.history.map((h) => h.trigger)).toEqual(['manual', 'manual', 'manual']);
    expect(overview.latest?.findings.find((f) => f.check === 'deactivated-assignee')?.count).toBe(0);

    // Agents may not read it.
    const agent = await t.signIn('agent');
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/data-quality' })).statusCode).toBe(403);
  });

  it('runs the daily checks once a day, even when two runs claim the day at once', async () => {
    const now = Date.parse('2031-05-04T06:00:00Z');
    const claims = await Promise.all([
      runDailyDataQuality(t.handle.db, now),
      runDailyDataQuality(t.handle.db, now),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await runDailyDataQuality(t.handle.db, now + 3_600_000)).toBe(false);
    const rows = await t.handle.db
      .selectFrom('data_quality_runs')
      .select('id')
      .where('daily_key', '=', '2031-05-04')
      .execute();
    expect(rows).toHaveLength(1);
    expect(await runDailyDataQuality(t.handle.db, now + 86_400_000)).toBe(true);
  });
});
