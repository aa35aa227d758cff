import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/database';
import { tablesStamp } from '../../db/stamps';
import { nowIso } from '../clock';
import { safeEqual, sha256 } from '../crypto';
import { AppError } from '../errors';
import { keptWhileUnchanged } from '../kept';
import type { Actor } from './actor';
import { CSRF_HEADER, SESSION_COOKIE, TOKEN_PREFIX } from './cookies';
import { tokenActor } from './credentials';
import { credentialsRepository } from './credentials.repository';
import { can, type RoutePolicy, refusals } from './policies';

/** 'public' routes need no one; 'authenticated' needs any signed-in actor; otherwise a named policy. */
export type RouteAccess = 'public' | 'authenticated' | RoutePolicy;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
    /** The CSRF token of the cookie session, when the request came with one. */
    sessionCsrf: string | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_AFTER_MS = 60_000;

/**
 * The token or session behind a request, kept while the tables its answer reads are unchanged
 * (ADR 0030): a revocation, a sign-out, a deactivation or a change of role by this process moves
 * the stamp as it is written; one by another process shows from the next turn of the event loop.
 */
function credentialLookups(db: Db, keep: boolean) {
  const tokens = keptWhileUnchanged<TokenRow | undefined>(keep);
  const sessions = keptWhileUnchanged<SessionRow | undefined>(keep);
  const stamp = (tables: readonly string[]) => tablesStamp(db, tables, { commitsAsOf: 'turn' });
  return {
    token: async (hash: string) =>
      tokens.answer(await stamp(TOKEN_TABLES), hash, () => credentialsRepository.findActiveToken(db, hash)),
    session: async (hash: string) =>
      sessions.answer(await stamp(SESSION_TABLES), hash, () => credentialsRepository.findSession(db, hash)),
  };
}

type CredentialLookups = ReturnType<typeof credentialLookups>;
type TokenRow = Awaited<ReturnType<typeof credentialsRepository.findActiveToken>>;
type SessionRow = Awaited<ReturnType<typeof credentialsRepository.findSession>>;
/** What a token's and a session's answers read (a cascade from deleting a user reaches both). */
const TOKEN_TABLES = ['api_tokens', 'users'] as const;
const SESSION_TABLES = ['sessions', 'users'] as const;

async function resolveActor(db: Db, lookups: CredentialLookups, request: FastifyRequest): Promise<void> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]?.startsWith(TOKEN_PREFIX))
      throw new AppError('UNAUTHENTICATED', 'The API token is not valid');
    const token = await lookups.token(sha256(match[1]));
    if (!token) throw new AppError('UNAUTHENTICATED', 'The API token is not valid or has been revoked');
    const actor = tokenActor(token);
    if (!actor)
      throw new AppError(
        'UNAUTHENTICATED',
        'The API token belongs to a deactivated account; it works again if that account is reactivated',
      );
    const now = nowIso();
    if (!token.last_used_at || Date.parse(now) - Date.parse(token.last_used_at) > TOUCH_AFTER_MS) {
      await credentialsRepository.touchToken(db, token.id, now);
    }
    request.actor = actor;
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const sessionHash = sha256(cookie);
  const session = await lookups.session(sessionHash);
  if (!session || session.deactivatedAt) return;
  const now = nowIso();
  if (session.expiresAt <= now) {
    await credentialsRepository.deleteSession(db, sessionHash);
    return;
  }
  if (Date.parse(now) - Date.parse(session.lastSeenAt) > TOUCH_AFTER_MS) {
    await credentialsRepository.touchSession(db, sessionHash, now);
  }
  request.actor = {
    type: 'user',
    id: session.userId,
    name: session.name,
    email: session.email,
    role: session.role,
    sessionId: session.sessionId,
  };
  request.sessionCsrf = session.csrfToken;
}

/**
 * Denies every route by default: a route opens only by naming its access in `config.access`.
 * Runs before the body is read, so 401/403 come before validation errors.
 */
export const accessPlugin = fp(async (app: FastifyInstance, opts: { db: Db; caches: boolean }) => {
  const lookups = credentialLookups(opts.db, opts.caches);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionCsrf', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if (url.startsWith('/api/v1') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${url} names no access policy`);
    }
  });

  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const access = request.routeOptions.config.access;
    if (!access) {
      if (request.url.startsWith('/api/v1')) throw new AppError('FORBIDDEN', 'This route is closed');
      return;
    }
    await resolveActor(opts.db, lookups, request);
    if (access === 'public') return;
    const actor = request.actor;
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Sign in or send an API token to use this route');
    if (actor.type === 'user' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !request.sessionCsrf || !safeEqual(sent, request.sessionCsrf)) {
        throw new AppError('CSRF_INVALID', `Send the session's CSRF token in the ${CSRF_HEADER} header`);
      }
    }
    if (access !== 'authenticated' && !can(actor, access)) {
      throw new AppError('FORBIDDEN', refusals[access] ?? 'Your role does not allow this');
    }
  });
});
