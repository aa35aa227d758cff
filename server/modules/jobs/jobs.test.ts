import { expect, it } from 'vitest';
import type { JobFailure, JobFailuresPage } from '../../../contracts/jobs';
import { type Auth, describeApi } from '../../../test/helpers/app';
import { BACKOFF_SECONDS, MAX_ATTEMPTS, recordJobFailure } from '../../platform/job-failures';

describeApi('jobs', (t) => {
  const at = '2026-03-02T09:00:00.000Z';
  const fail = (key: string, times: number, job = 'mail-notifications') =>
    (async () => {
      for (let i = 0; i < times; i += 1)
        await recordJobFailure(
          t.handle.db,
          { job, key, label: `Ticket event ${key}` },
          new Error(`boom ${i + 1}`),
          {
            now: at,
          },
        );
    })();
  const page = async (auth: Auth, query = '') =>
    (await t.request(auth, { method: 'GET', url: `/api/v1/job-failures${query}` })).json() as JobFailuresPage;

  it('lists failed items newest first with their state, backoff and counts, filtered by status', async () => {
    await fail('1', 1);
    await fail('2', MAX_ATTEMPTS);
    await fail('3', 2, 'imap');
    const admin = await t.signIn('admin');
    const all = await page(admin);
    expect(all.counts).toEqual({ retrying: 2, dead: 1 });
    expect(all.data.map((f) => [f.job, f.item, f.status, f.attempts])).toEqual([
      ['imap', '3', 'retrying', 2],
      ['mail-notifications', '2', 'dead', MAX_ATTEMPTS],
      ['mail-notifications', '1', 'retrying', 1],
    ]);
    const waiting = all.data.find((f) => f.item === '3')!;
    expect(Date.parse(waiting.nextAttemptAt!) - Date.parse(at)).toBe(BACKOFF_SECONDS[1]! * 1000);
    expect(all.data.find((f) => f.item === '2')).toMatchObject({ nextAttemptAt: null, lastError: 'boom 5' });
    expect((await page(admin, '?status=dead')).data.map((f) => f.item)).toEqual(['2']);
    const first = await page(admin, '?limit=2');
    expect(first.data).toHaveLength(2);
    const rest = await page(admin, `?limit=2&cursor=${first.nextCursor}`);
    expect(rest.data.map((f) => f.item)).toEqual(['1']);
    expect(rest.nextCursor).toBeNull();
  });

  it('a retry makes a dead letter due now and is audited; discarding removes it', async () => {
    await fail('7', MAX_ATTEMPTS);
    const admin = await t.signIn('admin');
    const [dead] = (await page(admin)).data as [JobFailure];
    const retried = await t.request(admin, { method: 'POST', url: `/api/v1/job-failures/${dead.id}/retry` });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ id: dead.id, status: 'retrying', attempts: MAX_ATTEMPTS });
    expect(Date.parse(retried.json().nextAttemptAt)).toBeGreaterThan(Date.parse(at));
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('changes')
      .where('action', '=', 'job_failure.retried')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.changes)).toEqual({ status: { before: 'dead', after: 'retrying' } });
    const removed = await t.request(admin, { method: 'DELETE', url: `/api/v1/job-failures/${dead.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await page(admin)).data).toEqual([]);
    for (const method of ['DELETE', 'POST'] as const) {
      const url =
        method === 'POST' ? `/api/v1/job-failures/${dead.id}/retry` : `/api/v1/job-failures/${dead.id}`;
      const gone = await t.request(admin, { method, url });
      expect(gone.statusCode).toBe(404);
      expect(gone.json().error.code).toBe('JOB_FAILURE_NOT_FOUND');
    }
  });

  it('only admins see or touch failed work', async () => {
    await fail('9', 1);
    const admin = await t.signIn('admin');
    const [item] = (await page(admin)).data as [JobFailure];
    for (const role of ['agent', 'manager', 'customer'] as const) {
      const who = await t.signIn(role);
      expect((await t.request(who, { method: 'GET', url: '/api/v1/job-failures' })).statusCode).toBe(403);
      const retry = await t.request(who, { method: 'POST', url: `/api/v1/job-failures/${item.id}/retry` });
      expect(retry.statusCode).toBe(403);
      expect(
        (await t.request(who, { method: 'DELETE', url: `/api/v1/job-failures/${item.id}` })).statusCode,
      ).toBe(403);
    }
    expect(
      (await t.request({ kind: 'anonymous' }, { method: 'GET', url: '/api/v1/job-failures' })).statusCode,
    ).toBe(401);
    expect((await page(admin)).data).toMatchObject([{ id: item.id, status: 'retrying', attempts: 1 }]);
  });

  it('refuses an unknown status filter and a broken cursor', async () => {
    const admin = await t.signIn('admin');
    for (const query of ['?status=gone', '?cursor=%%%', '?limit=0']) {
      const res = await t.request(admin, { method: 'GET', url: `/api/v1/job-failures${query}` });
      expect(res.statusCode).toBe(400);
    }
  });
});
