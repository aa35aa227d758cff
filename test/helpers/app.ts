import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role, StaffRole } from '../../contracts/common';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { tokensService } from '../../server/modules/tokens';
import { systemContext } from '../../server/platform/auth/actor';
import { localBus } from '../../server/platform/live/bus';
import { insertUser } from '../../server/seed/factories';
import { describeEachDatabase, type TestDatabase } from './db';

export const TEST_PASSWORD = 'test-password-123';

export function testConfig(dataDir: string, env: Record<string, string> = {}) {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    PUBLIC_FORMS_PER_MINUTE: '10000',
    // CI runs the API tests once more with CACHES=off (scripts/test.mjs).
    ...(process.env.CACHES ? { CACHES: process.env.CACHES } : {}),
    ...env,
  });
}

/** How a test request authenticates. */
export type Auth =
  | { kind: 'session'; cookie: string; csrf: string; userId: number }
  | { kind: 'token'; token: string }
  | { kind: 'anonymous' };

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  /** Sends a request as someone: adds the cookie and CSRF header, or the bearer token. */
  request(auth: Auth, options: InjectOptions): Promise<LightMyRequestResponse>;
  /** Creates a user with that role and signs in. */
  signIn(
    role: Role,
    overrides?: { email?: string; name?: string },
  ): Promise<Extract<Auth, { kind: 'session' }>>;
  login(email: string, password: string, totp?: string): Promise<LightMyRequestResponse>;
  tokenFor(role: StaffRole): Promise<Extract<Auth, { kind: 'token' }>>;
}

export function sessionFrom(
  response: LightMyRequestResponse,
  userId: number,
): Extract<Auth, { kind: 'session' }> {
  const cookie = response.cookies.find((c) => c.name === 'steward_session');
  const body = response.json() as { csrfToken: string };
  if (!cookie) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  return { kind: 'session', cookie: `steward_session=${cookie.value}`, csrf: body.csrfToken, userId };
}

let counter = 0;

/** describeEachDatabase plus a built app per database and helpers to act as each role. */
export function describeApi(
  name: string,
  suite: (t: TestApp) => void,
  env: Record<string, string> = {},
): void {
  describeEachDatabase(name, (db) => {
    const t = db as TestApp;
    beforeAll(async () => {
      t.app = await buildApp({ config: testConfig(db.dataDir, env), database: db.handle, serveWeb: false });
      await t.app.ready();
    });
    afterAll(async () => {
      await t.app?.close();
    });

    t.request = (auth, options) => {
      const headers: Record<string, string> = { ...(options.headers as Record<string, string> | undefined) };
      if (auth.kind === 'session') {
        headers.cookie = auth.cookie;
        headers['x-csrf-token'] ??= auth.csrf;
      }
      if (auth.kind === 'token') headers.authorization = `Bearer ${auth.token}`;
      return t.app.inject({ ...options, headers });
    };

    t.login = (email, password, totp) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password, ...(totp ? { totp } : {}) },
      });

    t.signIn = async (role, overrides = {}) => {
      counter += 1;
      const email = overrides.email ?? `${role}${counter}@test.example`;
      const userId = await insertUser(t.handle.db, {
        email,
        name: overrides.name ?? `Test ${role} ${counter}`,
        role,
        password: TEST_PASSWORD,
      });
      return sessionFrom(await t.login(email, TEST_PASSWORD), userId);
    };

    t.tokenFor = async (role) => {
      const service = tokensService({
        db: t.handle.db,
        config: testConfig(db.dataDir),
        live: localBus(),
      });
      const created = await service.create(systemContext('test'), { name: `test ${role}`, role });
      return { kind: 'token', token: created.secret };
    };

    suite(t);
  });
}
