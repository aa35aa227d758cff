import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Counts handlers still running: from just before the handler to the moment its answer is
 * ready to send. A client that hangs up does not stop its handler, so shutdown waits for the
 * count to reach zero before it closes the database.
 */
export function trackInFlight(app: FastifyInstance): { idle(timeoutMs: number): Promise<void> } {
  const running = new Set<FastifyRequest>();
  // Callback hooks: on every request, so no promise each.
  app.addHook('preHandler', (request, _reply, done) => {
    // WebSocket upgrades hand the connection over and never send a reply.
    if (request.headers.upgrade?.toLowerCase() !== 'websocket') running.add(request);
    done();
  });
  app.addHook('onSend', (request, _reply, payload, done) => {
    running.delete(request);
    done(null, payload);
  });
  return {
    async idle(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (running.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    },
  };
}
