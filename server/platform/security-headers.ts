import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers helmet writes for these options, worked out once. Helmet builds them again for
 * every response (parsing the CSP directives each time); they never change while the app runs.
 */
function headersOf(options: HelmetOptions): [string, string][] {
  const headers: [string, string][] = [];
  const response = {
    setHeader: (name: string, value: string | number) => headers.push([name.toLowerCase(), String(value)]),
    removeHeader: (name: string) => {
      const at = headers.findIndex(([n]) => n === name.toLowerCase());
      if (at >= 0) headers.splice(at, 1);
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  return headers;
}

/** Security headers (CSP, HSTS, frame options…) on every response, as helmet would write them. */
export const securityHeaders = fp(async (app: FastifyInstance, options: HelmetOptions) => {
  const headers = headersOf(options);
  app.addHook('onRequest', (_request, reply, done) => {
    // On the raw response, like helmet, so a handler can still take one away (the embeddable contact form).
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
});
