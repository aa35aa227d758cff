import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorBody } from '../../../contracts/common';
import { ctx, protectedErrors } from '../../platform/http';
import { clearSessionCookies, sessionBody, setSessionCookies } from './auth.cookies';
import { authSchemas as s } from './auth.schemas';
import type { AuthService } from './auth.service';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncZod<{
  auth: AuthService;
  secureCookies: boolean;
  loginPerMinute: number;
}> = async (app, { auth, secureCookies, loginPerMinute }) => {
  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', rateLimit: { max: loginPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with email and password (and a TOTP code when two-factor is on)',
        body: s.login.body,
        response: { 200: s.login.response, 400: errorBody, 401: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      const session = await auth.login(req.body, {
        ip: req.ip ?? null,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookies(reply, session, secureCookies);
      return sessionBody(session);
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Sign out and end this session',
        response: { 200: s.logout.response, ...protectedErrors },
      },
    },
    async (req, reply) => {
      await auth.logout(ctx(req));
      clearSessionCookies(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Who is signed in', response: { 200: s.me.response, ...protectedErrors } },
    },
    (req) => auth.current(ctx(req)),
  );
};
