import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/deps';
import { auditRoutes } from './audit/audit.routes';
import { auditService } from './audit/audit.service';
import { authRoutes } from './auth/auth.routes';
import { authService } from './auth/auth.service';
import { profileRoutes } from './auth/profile.routes';
import { profileService } from './auth/profile.service';
import { systemRoutes } from './system/system.routes';
import { teamsRoutes } from './teams/teams.routes';
import { teamsService } from './teams/teams.service';
import { tokensRoutes } from './tokens/tokens.routes';
import { tokensService } from './tokens/tokens.service';
import { usersRoutes } from './users/users.routes';
import { usersService } from './users/users.service';

/** Builds every module's service and registers its routes. */
export async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(systemRoutes, { db: deps.db });
  await app.register(authRoutes, {
    auth: authService(deps),
    secureCookies: deps.config.cookieSecure,
    loginPerMinute: deps.config.login.ratePerMinute,
  });
  await app.register(profileRoutes, { profile: profileService(deps) });
  await app.register(usersRoutes, { users: usersService(deps) });
  await app.register(teamsRoutes, { teams: teamsService(deps) });
  await app.register(tokensRoutes, { tokens: tokensService(deps) });
  await app.register(auditRoutes, { audit: auditService(deps) });
}
