import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { testConfig } from '../../test/helpers/app';
import { describeEachDatabase } from '../../test/helpers/db';
import { buildApp } from '../app';
import { type LogOutput, loggerOptions, RequestLog } from './logging';

/** A log destination that keeps what was written; a terminal when asked. */
function capture(isTTY = false) {
  const stream = new PassThrough() as PassThrough & LogOutput;
  if (isTTY) stream.isTTY = true;
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  return {
    stream,
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as { level: number; msg: string; req?: { url: string } }),
  };
}

describe('log format', () => {
  it('writes readable lines to a terminal and JSON elsewhere, unless LOG_FORMAT says which', () => {
    const terminal = capture(true);
    const file = capture(false);
    expect(loggerOptions({ logLevel: 'info', logFormat: 'auto' }, file.stream)).toEqual({
      level: 'info',
      stream: file.stream,
    });
    const readable = loggerOptions({ logLevel: 'info', logFormat: 'auto' }, terminal.stream);
    if (!readable) throw new Error('logging is on at info');
    expect(readable.stream).not.toBe(terminal.stream);
    expect(loggerOptions({ logLevel: 'info', logFormat: 'json' }, terminal.stream)).toMatchObject({
      stream: terminal.stream,
    });
    expect(loggerOptions({ logLevel: 'silent', logFormat: 'auto' }, terminal.stream)).toBe(false);
  });

  it('pretty output is one readable line per entry, not JSON', async () => {
    const out = capture(false);
    const app = Fastify({ logger: loggerOptions({ logLevel: 'info', logFormat: 'pretty' }, out.stream) });
    app.log.info({ ticketId: 7 }, 'Steward is running');
    await app.close();
    const text = out.text();
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: Steward is running\n/);
    expect(text).toContain('ticketId: 7');
    expect(() => JSON.parse(text.split('\n')[0]!)).toThrow();
  });
});

describe('request log lines', () => {
  async function serve(level: string, slowMs: number) {
    const out = capture();
    const app = Fastify({
      logger: loggerOptions({ logLevel: level, logFormat: 'json' }, out.stream),
      logController: new RequestLog(slowMs),
    });
    app.get('/fast', async () => ({ ok: true }));
    app.get('/slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 60));
      return { ok: true };
    });
    app.get('/broken', async () => {
      throw new Error('the database went away');
    });
    for (const url of ['/fast', '/slow', '/broken', '/missing']) await app.inject({ url });
    await app.close();
    return out.lines().filter((line) => line.req || /request/.test(line.msg));
  }

  it('at info: only failed and slow requests', async () => {
    const lines = await serve('info', 50);
    expect(lines.map((l) => [l.level, l.req?.url ?? '', l.msg.replace(/\d+ ms/, 'N ms')])).toEqual([
      [30, '/slow', 'slow request: N ms'],
      // The error handler's line (with the stack), then the request's.
      [50, '/broken', 'the database went away'],
      [50, '/broken', 'request failed: 500'],
    ]);
  });

  it('at debug: every request, as it comes in and as it ends', async () => {
    const lines = await serve('debug', 1000);
    const urls = lines.filter((l) => l.msg === 'request completed').map((l) => l.req?.url);
    expect(urls).toEqual(['/fast', '/slow', '/missing']);
    expect(lines.filter((l) => l.msg === 'incoming request')).toHaveLength(4);
  });
});

describeEachDatabase('the server logs requests', (t) => {
  async function requestHealth(env: Record<string, string>) {
    const out = capture();
    const app = await buildApp({
      config: testConfig(t.dataDir, env),
      database: t.handle,
      serveWeb: false,
      logOutput: out.stream,
    });
    await app.inject({ url: '/healthz' });
    await app.close();
    return out.lines().filter((line) => line.req?.url === '/healthz');
  }

  it('quietly at info, and when a request is slower than LOG_SLOW_REQUEST_MS', async () => {
    expect(await requestHealth({ LOG_LEVEL: 'info', LOG_FORMAT: 'json' })).toEqual([]);
    const slow = await requestHealth({ LOG_LEVEL: 'info', LOG_FORMAT: 'json', LOG_SLOW_REQUEST_MS: '0' });
    expect(slow).toMatchObject([{ level: 30, msg: expect.stringMatching(/^slow request/) }]);
  });
});
