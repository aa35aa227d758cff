import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../platform/deps';
import { type PeriodicJob, startJobs } from '../platform/jobs';
import { attachmentsRoutes, attachmentsService } from './attachments';
import { auditRoutes, auditService } from './audit';
import { authRoutes, authService, profileRoutes, profileService } from './auth';
import {
  AUTOMATION_JOB,
  automationRoutes,
  automationService,
  moveToTeam,
  type RulePorts,
  runTriggersOnChange,
  sweepAutomations,
} from './automation';
import { businessHoursRoutes, businessHoursService } from './business-hours';
import { contractsRoutes, contractsService, remindContractReviews } from './contracts';
import { customersMatching, customersRoutes, customersService, organizationsService } from './customers';
import { DATA_QUALITY_JOB, dataQualityRoutes, dataQualityService, runDailyDataQuality } from './data-quality';
import {
  answersOfCustomer,
  campaignsRoutes,
  campaignsService,
  feedbackLoopRoutes,
  feedbackRoutes,
  feedbackService,
  followUpsService,
  NPS_JOB,
  npsAnswersRoutes,
  npsAnswersService,
  SENTIMENT_JOB,
  SURVEY_JOB,
  scheduleSurvey,
  scoreUnscoredAnswers,
  sendDueCampaigns,
  sendDueSurveys,
  sendDueTestimonialRequests,
  surveyService,
  TESTIMONIAL_JOB,
  testimonialsRoutes,
  testimonialsService,
  themesService,
} from './feedback';
import { evaluateGoals, GOALS_JOB, goalsRoutes, goalsService } from './goals';
import { jobsRoutes, jobsService } from './jobs';
import { liveRoutes } from './live';
import { macrosRoutes, macrosService } from './macros';
import { registerMailModules } from './mail-runtime';
import { copiesOfTicket } from './mailboxes';
import { notificationsRoutes, notificationsService, notifyUsers } from './notifications';
import { portalCustomerOf, portalRoutes, portalService } from './portal';
import { queuesRoutes, queuesService, workloadRoutes, workloadService } from './queues';
import { linkFirstTicket, referralsRoutes, referralsService } from './referrals';
import {
  boardRoutes,
  boardService,
  foldNewEvents,
  REPORT_SCHEDULES_JOB,
  REPORTS_JOB,
  reportSchedulesRoutes,
  reportSharesRoutes,
  reportsRoutes,
  reportsService,
  runSpikeDetection,
  SPIKES_EVERY_MS,
  SPIKES_JOB,
  schedulesService,
  scorecardsRoutes,
  scorecardsService,
  sendDueSchedules,
  sharesService,
  spikesRoutes,
  spikesService,
  trendsService,
} from './reports';
import {
  alertUnassignedTickets,
  openingAssigner,
  PRESENCE_SWEEP_JOB,
  routeOnTicketEvents,
  routeTicket,
  routingRoutes,
  routingService,
  signedOut,
  sweepPresence,
  UNASSIGNED_ALERTS_JOB,
} from './routing';
import { searchRoutes, searchService } from './search';
import { channelSettingsService, settingsRoutes, settingsService } from './settings';
import { sideConversationsRoutes, sideConversationsService } from './side-conversations';
import { SLA_SWEEP_JOB, serviceLevelClocks, slaRoutes, slaService, sweepServiceLevels } from './sla';
import { systemRoutes } from './system';
import { teamsRoutes, teamsService } from './teams';
import { ticketFieldsRoutes, ticketFieldsService } from './ticket-fields';
import {
  assignTicketsAtOpeningWith,
  bulkService,
  contactsService,
  keepTicketReadsInTransactions,
  loadTicket,
  messagesService,
  moveRequesterTickets,
  replyingService,
  startClocksAtOpeningWith,
  subscribeToTicketEvents,
  ticketsByIds,
  ticketsRoutes,
  ticketsService,
  timeEntriesRoutes,
  timeEntriesService,
} from './tickets';
import { tokensRoutes, tokensService } from './tokens';
import { movePortalAccounts, usersRoutes, usersService } from './users';

/** Periodic work: time-based automations (closing long-solved tickets among them) here, the mail jobs from the mail runtime. Off in tests (they call the jobs directly). */
function startJobsOnReady(app: FastifyInstance, deps: AppDeps, jobs: PeriodicJob[]) {
  if (!deps.config.backgroundJobs) return;
  let stop: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    stop = startJobs(
      [
        ...jobs,
        { name: SLA_SWEEP_JOB, everyMs: deps.config.slaSweepMs, run: () => sweepServiceLevels(deps.db) },
        { name: 'contract-reviews', everyMs: 60 * 60_000, run: () => remindContractReviews(deps.db) },
        { name: SURVEY_JOB, everyMs: 15_000, run: () => sendDueSurveys(deps.db, deps.config) },
        { name: NPS_JOB, everyMs: 30_000, run: () => sendDueCampaigns(deps.db, deps.config) },
        {
          name: TESTIMONIAL_JOB,
          everyMs: 20_000,
          run: () => sendDueTestimonialRequests(deps.db, deps.config),
        },
        { name: SENTIMENT_JOB, everyMs: 10 * 60_000, run: () => scoreUnscoredAnswers(deps.db) },
        { name: PRESENCE_SWEEP_JOB, everyMs: 60_000, run: () => sweepPresence(deps.db) },
        { name: UNASSIGNED_ALERTS_JOB, everyMs: 60_000, run: () => alertUnassignedTickets(deps.db) },
        // The day's data-quality checks, once across nodes (the run claims its day).
        { name: DATA_QUALITY_JOB, everyMs: 15 * 60_000, run: () => runDailyDataQuality(deps.db) },
        // Report aggregates follow the events a few seconds behind, outside the ticket writes.
        { name: REPORTS_JOB, everyMs: 5_000, run: () => foldNewEvents(deps.db) },
        // Spike alerts over the aggregates, once per ten-minute slot across nodes.
        {
          name: SPIKES_JOB,
          everyMs: SPIKES_EVERY_MS,
          run: () => runSpikeDetection(deps.db, { claim: true }),
        },
        // Goals re-evaluated hourly; a goal going at risk is told once (claimed on its row).
        { name: GOALS_JOB, everyMs: 60 * 60_000, run: () => evaluateGoals(deps.db) },
        // Scheduled report mails, each period once across nodes (its run row is the claim).
        { name: REPORT_SCHEDULES_JOB, everyMs: 60_000, run: () => sendDueSchedules(deps.db) },
        // Time-based automations; closing long-solved tickets is the default one.
        { name: AUTOMATION_JOB, everyMs: 5 * 60_000, run: () => sweepAutomations(deps.db, rulePorts) },
      ],
      app.log,
    );
  });
  app.addHook('onClose', async () => {
    await stop?.();
  });
}

/**
 * What rules call that other modules provide: "assign through the team's method" moves the ticket
 * to the team and lets the routing module pick the agent. A ticket that moves in unassigned is
 * routed by the routing subscriber with the move; any other is routed again here.
 */
const rulePorts: RulePorts = {
  routeTicket: async (db, ctx, ticketId, teamId) => {
    const before = await loadTicket(db, ticketId);
    await moveToTeam(db, ctx, ticketId, teamId);
    const routedWithTheMove = before.team?.id !== teamId && !before.assignee;
    if (!routedWithTheMove) await routeTicket(db, ctx, ticketId, { reassign: true });
  },
};

/** Builds every module's service and registers its routes. */
export async function registerModules(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // Service-level clocks move with every ticket change, in its transaction (ADR 0021).
  // A ticket's clocks start as it is opened (ADR 0033) and move with every later change.
  const clocks = serviceLevelClocks({ keep: deps.config.caches });
  startClocksAtOpeningWith(clocks.start);
  subscribeToTicketEvents('sla', clocks.move);
  // A solved ticket's satisfaction survey is scheduled with the change that solved it.
  subscribeToTicketEvents('feedback', scheduleSurvey);
  // A ticket opened in or moved into a team that routes automatically gets its agent in the same transaction.
  subscribeToTicketEvents('routing', routeOnTicketEvents);
  // …and one opened in such a team is weighed before its row is written (ADR 0031).
  assignTicketsAtOpeningWith(openingAssigner({ keep: deps.config.caches }));
  keepTicketReadsInTransactions(deps.config.caches);
  // A referred customer's first ticket is linked to their referral when it is opened.
  subscribeToTicketEvents('referrals', linkFirstTicket);
  // Triggers run after the clocks moved (their conditions read the service level), in the same transaction.
  subscribeToTicketEvents('automation', runTriggersOnChange(rulePorts));
  await app.register(systemRoutes, { db: deps.db, metricsAllow: deps.config.metricsAllow });
  await app.register(authRoutes, {
    auth: authService(deps, { signedOut }),
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
    customers: customersService(
      deps,
      { moveTickets: moveRequesterTickets, movePortalAccounts },
      { answersOf: answersOfCustomer },
    ),
    organizations: organizationsService(deps),
  });
  await app.register(ticketFieldsRoutes, { fields: ticketFieldsService(deps) });
  await app.register(queuesRoutes, { views: queuesService(deps) });
  await app.register(workloadRoutes, { workload: workloadService(deps) });
  await app.register(ticketsRoutes, {
    tickets: ticketsService(deps),
    messages: messagesService(deps, { notifyMentioned: notifyUsers, copiesOf: copiesOfTicket }),
    bulk: bulkService(deps),
    contacts: contactsService(deps),
    replying: replyingService(deps),
  });
  await app.register(timeEntriesRoutes, { timeEntries: timeEntriesService(deps) });
  await app.register(sideConversationsRoutes, { sides: sideConversationsService(deps) });
  await app.register(attachmentsRoutes, { attachments: attachmentsService(deps, loadTicket) });
  await app.register(searchRoutes, { search: searchService(deps, { ticketsByIds, customersMatching }) });
  await app.register(settingsRoutes, {
    settings: settingsService(deps),
    channels: channelSettingsService(deps),
  });
  await app.register(businessHoursRoutes, { businessHours: businessHoursService(deps) });
  await app.register(slaRoutes, { sla: slaService(deps) });
  await app.register(reportsRoutes, { reports: reportsService(deps) });
  await app.register(scorecardsRoutes, { scorecards: scorecardsService(deps) });
  await app.register(goalsRoutes, { goals: goalsService(deps) });
  await app.register(reportSharesRoutes, {
    shares: sharesService(deps),
    publicPerMinute: deps.config.publicFormsPerMinute,
  });
  await app.register(reportSchedulesRoutes, { schedules: schedulesService(deps) });
  await app.register(contractsRoutes, { contracts: contractsService(deps) });
  await app.register(feedbackRoutes, {
    feedback: feedbackService(deps),
    surveys: surveyService(deps.db, (actor) => portalCustomerOf(deps.db, actor)),
    publicPerMinute: deps.config.publicFormsPerMinute,
  });
  await app.register(campaignsRoutes, {
    campaigns: campaignsService(deps, (actor) => portalCustomerOf(deps.db, actor)),
    publicPerMinute: deps.config.publicFormsPerMinute,
  });
  await app.register(testimonialsRoutes, {
    testimonials: testimonialsService(deps),
    publicPerMinute: deps.config.publicFormsPerMinute,
  });
  const themes = themesService(deps);
  await app.register(feedbackLoopRoutes, { db: deps.db, themes, followUps: followUpsService(deps) });
  await app.register(npsAnswersRoutes, { npsAnswers: npsAnswersService(deps), themes });
  await app.register(referralsRoutes, { referrals: referralsService(deps) });
  await app.register(macrosRoutes, { macros: macrosService(deps) });
  await app.register(jobsRoutes, { jobs: jobsService(deps) });
  await app.register(routingRoutes, { routing: routingService(deps) });
  await app.register(automationRoutes, { automation: automationService(deps, rulePorts) });
  await app.register(boardRoutes, { board: boardService(deps) });
  await app.register(spikesRoutes, { trends: trendsService(deps), spikes: spikesService(deps) });
  await app.register(dataQualityRoutes, { dataQuality: dataQualityService(deps) });
  await app.register(liveRoutes, { live: deps.live, publicUrl: deps.config.publicUrl, db: deps.db });
  await app.register(portalRoutes, {
    portal: portalService(deps),
    secureCookies: deps.config.cookieSecure,
    publicPerMinute: deps.config.publicFormsPerMinute,
  });
  startJobsOnReady(app, deps, await registerMailModules(app, deps));
}
