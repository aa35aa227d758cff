import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { allowFraming, securityHeaders } from '../../server/platform/security-headers';
import { describeApi } from '../helpers/app';

/** Helmet's headers, worked out once, on every kind of response; a handler can still take one away. */
describeApi('Security headers', (t) => {
  it('go on answers, errors and unknown routes alike', async () => {
    const responses = [
      await t.app.inject({ method: 'GET', url: '/healthz' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/users' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/no-such-route' }),
    ];
    expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 404]);
    for (const res of responses) {
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=/);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });
});

it('lets a handler take a security header away or change it (the embeddable contact form)', async () => {
  const app = Fastify();
  await app.register(securityHeaders, { contentSecurityPolicy: { directives: { defaultSrc: ["'self'"] } } });
  app.get('/embeddable', (_request, reply) => {
    allowFraming(reply);
    return reply.type('text/html').send('<p>form</p>');
  });
  const res = await app.inject({ method: 'GET', url: '/embeddable' });
  expect(res.headers['x-frame-options']).toBeUndefined();
  expect(res.headers['content-security-policy']).toContain('frame-ancestors *');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  await app.close();
});
