import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply } from 'fastify';
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

/**
 * Security headers (CSP, HSTS, frame options…) on every response, as helmet would write them.
 * They go on the reply, not the raw response: Fastify then writes all headers in one writeHead,
 * where a dozen setHeader calls on the raw response (each checked and stored on its own, then
 * merged with the reply's) cost about as much as the rest of a small response's headers. A
 * handler can still take one away with `reply.removeHeader` (the embeddable contact form).
 */
export const securityHeaders = fp(async (app: FastifyInstance, options: HelmetOptions) => {
  const headers = Object.fromEntries(headersOf(options));
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
});

/** Lets any site frame this response (the contact form is meant to be embedded in the company's own site). */
export function allowFraming(reply: FastifyReply): void {
  reply.removeHeader('x-frame-options');
  const csp = String(reply.getHeader('content-security-policy') ?? '');
  reply.header('content-security-policy', csp.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
}
