import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/deps';
import { type PeriodicJob, startJobs } from '../platform/jobs';
import { attachmentsRoutes } from './attachments/attachments.routes';
import { attachmentsService } from './attachments/attachments.service';
import { auditRoutes } from './audit/audit.routes';
import { auditService } from './audit/audit.service';
import { authRoutes } from './auth/auth.routes';
import { authService } from './auth/auth.service';
import { profileRoutes } from './auth/profile.routes';
import { profileService } from './auth/profile.service';
import { customersRoutes } from './customers/customers.routes';
import { customersMatching, customersService } from './customers/customers.service';
import { organizationsService } from './customers/organizations.service';
import { jobsRoutes } from './jobs/jobs.routes';
import { jobsService } from './jobs/jobs.service';
import { liveRoutes } from './live/live.routes';
import { registerChannels } from './mail-runtime';
import { notificationsRoutes } from './notifications/notifications.routes';
import { notificationsService, notifyUsers } from './notifications/notifications.service';
import { portalRoutes } from './portal/portal.routes';
import { portalService } from './portal/portal.service';
import { queuesRoutes } from './queues/queues.routes';
import { queuesService } from './queues/queues.service';
import { searchRoutes } from './search/search.routes';
import { searchService } from './search/search.service';
import { settingsRoutes } from './settings/settings.routes';
import { settingsService } from './settings/settings.service';
import { systemRoutes } from './system/system.routes';
import { teamsRoutes } from './teams/teams.routes';
import { teamsService } from './teams/teams.service';
import { ticketFieldsRoutes } from './ticket-fields/ticket-fields.routes';
import { ticketFieldsService } from './ticket-fields/ticket-fields.service';
import { closeStaleSolvedTickets } from './tickets/auto-close.job';
import { bulkService } from './tickets/bulk.service';
import { contactsService } from './tickets/contacts.service';
import { messagesService } from './tickets/messages.service';
import { ticketsRoutes } from './tickets/tickets.routes';
import { loadTicket, moveRequesterTickets, ticketsByIds, ticketsService } from './tickets/tickets.service';
import { tokensRoutes } from './tokens/tokens.routes';
import { tokensService } from './tokens/tokens.service';
import { usersRoutes } from './users/users.routes';
import { movePortalAccounts, usersService } from './users/users.service';

/** Periodic work: closing long-solved tickets here, the mail jobs from the channels module. Off in tests (they call the jobs directly). */
function startJobsOnReady(app: FastifyInstance, deps: AppDeps, jobs: PeriodicJob[]) {
  if (!deps.config.backgroundJobs) return;
  let stop: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    stop = startJobs(
      [...jobs, { name: 'auto-close', everyMs: 10 * 60_000, run: () => closeStaleSolvedTickets(deps.db) }],
      app.log,
    );
  });
  app.addHook('onClose', async () => {
    await stop?.();
  });
}

/** Builds every module's service and registers its routes. */
export async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(systemRoutes, { db: deps.db, metricsAllow: deps.config.metricsAllow });
  await app.register(authRoutes, {
    auth: authService(deps),
    secureCookies: deps.config.cookieSecure,
    loginPerMinute: deps.config.login.ratePerMinute,
  });
  await app.register(profileRoutes, { profile: profileService(deps) });
  await app.register(notificationsRoutes, { notifications: notificationsService(deps) });
  await app.register(usersRoutes, { users: usersService(deps) });
  await app.register(teamsRoutes, { teams: teamsService(deps) });
  await app.register(tokensRoutes, { tokens: tokensService(deps) });
  await app.register(auditRoutes, { audit: auditService(deps) });
  await app.register(customersRoutes, {
    customers: customersService(deps, { moveTickets: moveRequesterTickets, movePortalAccounts }),
    organizations: organizationsService(deps),
  });
  await app.register(ticketFieldsRoutes, { fields: ticketFieldsService(deps) });
  await app.register(queuesRoutes, { views: queuesService(deps) });
  await app.register(ticketsRoutes, {
    tickets: ticketsService(deps),
    messages: messagesService(deps, notifyUsers),
    bulk: bulkService(deps),
    contacts: contactsService(deps),
  });
  await app.register(attachmentsRoutes, { attachments: attachmentsService(deps, loadTicket) });
  await app.register(searchRoutes, { search: searchService(deps, { ticketsByIds, customersMatching }) });
  await app.register(settingsRoutes, { settings: settingsService(deps) });
  await app.register(jobsRoutes, { jobs: jobsService(deps) });
  await app.register(liveRoutes, { live: deps.live, publicUrl: deps.config.publicUrl, db: deps.db });
  await app.register(portalRoutes, {
    portal: portalService(deps),
    secureCookies: deps.config.cookieSecure,
    publicPerMinute: deps.config.publicFormsPerMinute,
  });
  startJobsOnReady(app, deps, await registerChannels(app, deps));
}
