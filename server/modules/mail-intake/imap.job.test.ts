import net from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import type { JobFailuresPage } from '../../../contracts/jobs';
import { describeApi } from '../../../test/helpers/app';
import { BACKOFF_SECONDS, MAX_ATTEMPTS } from '../../platform/job-failures';
import { IMAP_JOB, pollDueMailboxes } from './imap.job';

const silent = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;

/** A port nothing listens on: connecting is refused at once. */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describeApi('IMAP polling of a mailbox that keeps failing', (t) => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-11-03T08:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('backs off, stops after five failures, and polls again when an admin retries', async () => {
    const admin = await t.signIn('admin');
    const created = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/mailboxes',
      payload: {
        address: 'broken@example.test',
        displayName: 'Broken',
        inboundMethod: 'imap',
        imap: {
          host: '127.0.0.1',
          port: await closedPort(),
          secure: false,
          user: 'u',
          password: 'p',
          intervalSeconds: 10,
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const failure = async () =>
      ((await t.request(admin, { method: 'GET', url: '/api/v1/job-failures' })).json() as JobFailuresPage)
        .data[0];
    const pollAfter = async (seconds: number) => {
      vi.setSystemTime(Date.now() + seconds * 1000);
      await pollDueMailboxes(t.handle.db, silent, () => {});
    };

    await pollAfter(0);
    expect(await failure()).toMatchObject({ job: IMAP_JOB, attempts: 1, status: 'retrying' });
    // Its interval has passed, its backoff has not: the mailbox is left alone.
    await pollAfter(11);
    expect((await failure())?.attempts).toBe(1);
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      await pollAfter(BACKOFF_SECONDS[attempt - 2]! + 1);
      expect((await failure())?.attempts).toBe(attempt);
    }
    expect((await failure())?.status).toBe('dead');
    await pollAfter(24 * 3600);
    expect((await failure())?.attempts).toBe(MAX_ATTEMPTS);

    const id = (await failure())!.id;
    expect(
      (await t.request(admin, { method: 'POST', url: `/api/v1/job-failures/${id}/retry` })).statusCode,
    ).toBe(200);
    await pollAfter(11);
    expect(await failure()).toMatchObject({ attempts: MAX_ATTEMPTS + 1, status: 'dead' });
  });
});
