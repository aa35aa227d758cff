import type { FastifyReply } from 'fastify';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/auth/cookies';
import type { NewSession } from './auth.service';

/** The session cookie (httpOnly) and the CSRF cookie the web app reads, both SameSite=Lax. */
export function setSessionCookies(reply: FastifyReply, session: NewSession, secure: boolean) {
  const common = { path: '/', sameSite: 'lax', secure, expires: new Date(session.expiresAt) } as const;
  reply.setCookie(SESSION_COOKIE, session.cookieValue, { ...common, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
}

export const sessionBody = (session: NewSession) => ({
  user: session.user,
  token: null,
  csrfToken: session.csrfToken,
  expiresAt: session.expiresAt,
});
