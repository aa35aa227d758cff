import type { AddressInfo } from 'node:net';
import net from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../../server/platform/error-handler';
import { describeApi } from '../helpers/app';

/**
 * Failures that happen before a route handler (the HTTP parser, the router, the body parser)
 * still answer the documented shape { error: { code, message } }, never Fastify's default one.
 */
function expectErrorShape(body: string, code: string, label: string) {
  const parsed = JSON.parse(body) as Record<string, unknown>;
  expect(Object.keys(parsed), label).toEqual(['error']);
  const error = parsed.error as Record<string, unknown>;
  expect(error.code, label).toBe(code);
  expect(typeof error.message, label).toBe('string');
  expect(error).not.toHaveProperty('statusCode');
}

/** Sends raw bytes to a listening app and returns the status and body of the answer. */
async function raw(port: number, request: string): Promise<{ status: number; body: string }> {
  const answer = await new Promise<string>((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('utf8');
    });
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body };
}

describeApi('errors before the handler', (t) => {
  it.each([
    [
      'a bad JSON body',
      { payload: '{"name": ', headers: { 'content-type': 'application/json' } },
      400,
      'INVALID_JSON',
    ],
    [
      'an unsupported media type',
      { payload: 'name=x', headers: { 'content-type': 'text/plain' } },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'an unknown content type',
      { payload: 'x', headers: { 'content-type': 'application/x-nope' } },
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over the limit',
      { payload: `{"name":"${'x'.repeat(1_100_000)}"}`, headers: { 'content-type': 'application/json' } },
      413,
      'PAYLOAD_TOO_LARGE',
    ],
    [
      'a wrong Content-Length',
      { payload: '{}', headers: { 'content-type': 'application/json', 'content-length': '10' } },
      400,
      'BAD_REQUEST',
    ],
    [
      'a multipart body where JSON is expected',
      { payload: '--x\r\n\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      400,
      'VALIDATION_FAILED',
    ],
  ] as const)('%s', async (label, options, status, code) => {
    const admin = await t.signIn('admin');
    const res = await t.request(admin, { method: 'POST', url: '/api/v1/teams', ...options });
    expect(res.statusCode, `${label}: ${res.body}`).toBe(status);
    expectErrorShape(res.body, code, label);
  });

  it('a URL that cannot be decoded', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/teams/%zz' });
    expect(res.statusCode, res.body).toBe(400);
    expectErrorShape(res.body, 'BAD_REQUEST', 'bad URL');
  });

  it('a path part over the router limit', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/teams/${'9'.repeat(200)}` });
    expect(res.statusCode, res.body).toBe(414);
    expectErrorShape(res.body, 'URI_TOO_LONG', 'long param');
  });

  it('an upload that is not multipart', async () => {
    const admin = await t.signIn('admin');
    const res = await t.request(admin, {
      method: 'POST',
      url: '/api/v1/tickets/1/attachments',
      payload: { file: 'x' },
    });
    expect(res.statusCode, res.body).toBeLessThan(500);
    expectErrorShape(res.body, res.json().error.code, 'upload');
  });

  it('headers too large for Node (431) and malformed HTTP (400)', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    expect(address).toContain(String(port));
    const big = await raw(port, `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n`);
    expect(big.status, big.body).toBe(431);
    expectErrorShape(big.body, 'HEADERS_TOO_LARGE', '431');
    const longUrl = await raw(port, `GET /api/v1/teams?q=${'a'.repeat(70_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(longUrl.status, longUrl.body).toBe(431);
    expectErrorShape(longUrl.body, 'HEADERS_TOO_LARGE', 'long URL');
    const broken = await raw(port, 'NOT HTTP AT ALL\r\n\r\n');
    expect(broken.status, broken.body).toBe(400);
    expectErrorShape(broken.body, 'BAD_REQUEST', 'malformed');
  });
});

describe('text the database cannot store', () => {
  it('answers 400, not 500, when PostgreSQL refuses a character', async () => {
    const app = Fastify();
    registerErrorHandler(app);
    app.post('/x', async () => {
      throw Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' });
    });
    const res = await app.inject({ method: 'POST', url: '/x', payload: {} });
    expect(res.statusCode).toBe(400);
    expectErrorShape(res.body, 'VALIDATION_FAILED', 'NUL');
    await app.close();
  });
});
