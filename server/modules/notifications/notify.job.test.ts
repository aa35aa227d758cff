import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { JobFailure, JobFailuresPage } from '../../../contracts/jobs';
import type { Ticket } from '../../../contracts/tickets';
import { describeApi, testConfig } from '../../../test/helpers/app';
import { BACKOFF_SECONDS, MAX_ATTEMPTS } from '../../platform/job-failures';
import { NOTIFY_JOB, sendTicketNotifications } from './notify.job';

/** Template rendering that throws on one reply, as marked once did on deeply nested quotes. */
const poison = vi.hoisted(() => ({ on: false }));
vi.mock('../mailboxes/templates.defaults', async (original) => {
  const real = await original<typeof import('../mailboxes/templates.defaults')>();
  return {
    ...real,
    renderTemplate: (...args: Parameters<typeof real.renderTemplate>) => {
      if (poison.on && JSON.stringify(args).includes('POISON'))
        throw new RangeError('Maximum call stack size exceeded');
      return real.renderTemplate(...args);
    },
  };
});

describeApi('notification mail with a poisoned event', (t) => {
  let clock = Date.parse('2026-11-02T09:00:00.000Z');
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(clock);
    poison.on = false;
  });
  afterEach(() => {
    vi.useRealTimers();
    clock += 24 * 3_600_000;
  });

  /** Moves the clock on and runs the notifier, as its timer would. */
  async function runAfter(seconds: number) {
    vi.setSystemTime(Date.now() + seconds * 1000);
    await sendTicketNotifications(t.handle.db, testConfig(t.dataDir), 0);
  }

  const repliesTo = async (to: string) =>
    (
      await t.handle.db
        .selectFrom('mail_outbox')
        .select('id')
        .where('to_address', '=', to)
        .where('kind', '=', 'agent_replied')
        .execute()
    ).length;

  it('retries the event with backoff, dead-letters it, lets later events through, and an admin can retry it', async () => {
    const admin = await t.signIn('admin');
    const agent = await t.signIn('agent');
    await runAfter(1); // the notifier starts from here
    const open = async (email: string) =>
      (
        await t.request(agent, {
          method: 'POST',
          url: '/api/v1/tickets',
          payload: {
            subject: `Question from ${email}`,
            requester: { email, name: 'Customer' },
            message: { body: 'Hello' },
            type: 'question',
            priority: 'normal',
          },
        })
      ).json() as Ticket;
    const reply = async (ticket: Ticket, body: string) => {
      const res = await t.request(agent, {
        method: 'POST',
        url: `/api/v1/tickets/${ticket.id}/messages`,
        payload: { body },
      });
      expect(res.statusCode).toBe(201);
    };
    const poisoned = await open('poisoned@customer.example');
    const healthy = await open('healthy@customer.example');
    await reply(poisoned, 'POISON: this reply breaks the renderer');
    await reply(healthy, 'First answer');
    poison.on = true;

    await runAfter(1);
    expect(await repliesTo('healthy@customer.example')).toBe(1);
    expect(await repliesTo('poisoned@customer.example')).toBe(0);
    const failures = async (status?: string) =>
      (
        await t.request(admin, {
          method: 'GET',
          url: `/api/v1/job-failures${status ? `?status=${status}` : ''}`,
        })
      ).json() as JobFailuresPage;
    let list = await failures();
    expect(list.data).toHaveLength(1);
    const failure = list.data[0]!;
    expect(failure).toMatchObject({ job: NOTIFY_JOB, status: 'retrying', attempts: 1 });
    expect(failure.label).toContain(`Ticket ${poisoned.id}`);
    expect(failure.lastError).toMatch(/call stack/);

    // Not due yet: the next run leaves it alone.
    await runAfter(1);
    expect((await failures()).data[0]!.attempts).toBe(1);

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await reply(healthy, `Answer ${attempt}`);
      await runAfter(BACKOFF_SECONDS[attempt - 2]! + 1);
      // Events behind the poisoned one keep flowing.
      expect(await repliesTo('healthy@customer.example')).toBe(attempt);
      expect((await failures()).data[0]).toMatchObject({
        attempts: attempt,
        status: attempt === MAX_ATTEMPTS ? 'dead' : 'retrying',
      });
    }
    list = await failures('dead');
    expect(list.counts).toEqual({ retrying: 0, dead: 1 });
    expect(list.data[0]).toMatchObject({ id: failure.id, nextAttemptAt: null });

    // A dead letter waits for an admin, however long.
    await runAfter(24 * 3600);
    expect((await failures('dead')).data[0]!.attempts).toBe(MAX_ATTEMPTS);
    expect(await repliesTo('poisoned@customer.example')).toBe(0);

    // The renderer is fixed; the admin retries and the job sends the mail once.
    poison.on = false;
    const retried = await t.request(admin, {
      method: 'POST',
      url: `/api/v1/job-failures/${failure.id}/retry`,
    });
    expect(retried.statusCode).toBe(200);
    expect((retried.json() as JobFailure).status).toBe('retrying');
    await runAfter(1);
    await runAfter(1);
    expect(await repliesTo('poisoned@customer.example')).toBe(1);
    expect((await failures()).data).toHaveLength(0);
    expect(await repliesTo('healthy@customer.example')).toBe(MAX_ATTEMPTS);
  });

  it('lets only admins see and retry failed items, and answers 404 for unknown ones', async () => {
    const agent = await t.signIn('agent');
    const admin = await t.signIn('admin');
    expect((await t.request(agent, { method: 'GET', url: '/api/v1/job-failures' })).statusCode).toBe(403);
    const missing = await t.request(admin, { method: 'POST', url: '/api/v1/job-failures/4242/retry' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('JOB_FAILURE_NOT_FOUND');
  });
});
