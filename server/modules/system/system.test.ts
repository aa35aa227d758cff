import { expect, it } from 'vitest';
import { describeApi } from '../../../test/helpers/app';

const outside = '203.0.113.5';

describeApi('metrics access', (t) => {
  const metrics = (auth: Parameters<typeof t.request>[0], remoteAddress: string) =>
    t.request(auth, { method: 'GET', url: '/metrics', remoteAddress });

  it('serves admins (session or token) from anywhere, and loopback by default', async () => {
    const admin = await t.signIn('admin');
    const res = await metrics(admin, outside);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect((await metrics(await t.tokenFor('admin'), outside)).statusCode).toBe(200);
    expect((await metrics({ kind: 'anonymous' }, '127.0.0.1')).statusCode).toBe(200);
    expect((await metrics({ kind: 'anonymous' }, '::ffff:127.0.0.1')).statusCode).toBe(200);
  });

  it('refuses everyone else with the error shape', async () => {
    for (const auth of [
      { kind: 'anonymous' } as const,
      await t.signIn('agent'),
      await t.signIn('manager'),
      await t.signIn('customer'),
      await t.tokenFor('manager'),
    ]) {
      const res = await metrics(auth, outside);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String) } });
    }
  });
});

describeApi(
  'metrics address range',
  (t) => {
    it('serves the configured ranges and nothing else without sign-in', async () => {
      const from = (remoteAddress: string) => t.app.inject({ method: 'GET', url: '/metrics', remoteAddress });
      expect((await from('10.20.30.40')).statusCode).toBe(200);
      expect((await from('192.0.2.7')).statusCode).toBe(200);
      expect((await from('192.0.2.8')).statusCode).toBe(403);
      expect((await from('127.0.0.1')).statusCode).toBe(403);
    });
  },
  { METRICS_ALLOW: '10.0.0.0/8, 192.0.2.7' },
);
