import Fastify from 'fastify';
import { expect, it } from 'vitest';
import { trackInFlight } from './drain';

it('waits for running handlers before reporting idle', async () => {
  const app = Fastify();
  const inFlight = trackInFlight(app);
  let release: () => void = () => undefined;
  let finished = false;
  app.get('/slow', async () => {
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    finished = true;
    return { ok: true };
  });
  await app.ready();
  const response = app.inject({ method: 'GET', url: '/slow' });
  await new Promise((r) => setTimeout(r, 20));
  const idle = inFlight.idle(2_000).then(() => finished);
  setTimeout(() => release(), 100);
  expect(await idle).toBe(true);
  expect((await response).statusCode).toBe(200);
  await app.close();
});

it('gives up after the timeout', async () => {
  const app = Fastify();
  const inFlight = trackInFlight(app);
  app.get('/stuck', () => new Promise(() => undefined));
  await app.ready();
  void app.inject({ method: 'GET', url: '/stuck' });
  await new Promise((r) => setTimeout(r, 20));
  const started = Date.now();
  await inFlight.idle(150);
  expect(Date.now() - started).toBeGreaterThanOrEqual(140);
});
