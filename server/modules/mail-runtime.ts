import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/database';
import type { AppDeps } from '../platform/deps';
import type { PeriodicJob } from '../platform/jobs';
import { deliverDueMail } from '../platform/mail/outbox';
import {
  createSmtpListener,
  inboundRoutes,
  inboundService,
  inboundWaiting,
  inboundWorker,
  pollDueMailboxes,
} from './mail-intake';
import {
  copiesRoutes,
  copiesService,
  deliveryHooks,
  mailboxesRoutes,
  mailboxesService,
  mailRulesService,
  templatesService,
} from './mailboxes';
import { sendTicketNotifications, tellAuthorNotDelivered } from './notifications';

/** How queued mail leaves, and a reply that cannot be delivered tells its author (notifications). */
export function mailDelivery(db: Db, config: Config, log: FastifyBaseLogger) {
  return deliveryHooks(db, config, log, (mail) => tellAuthorNotDelivered(db, mail));
}

/**
 * What runs the email channel in a process: the SMTP listener (when SMTP_PORT is set),
 * processing of received mail, IMAP polling, notification mail and delivery.
 */
export function mailRuntime(deps: AppDeps, log: FastifyBaseLogger) {
  const worker = inboundWorker(deps, (error) => log.error({ err: error }, 'processing received mail failed'));
  const kick = () => void worker.kick();
  const delivery = mailDelivery(deps.db, deps.config, log);
  const listener =
    deps.config.smtp.port !== null ? createSmtpListener(deps.db, deps.config.smtp, kick, log) : null;
  const jobs: PeriodicJob[] = [
    { name: 'inbound-mail', everyMs: 5_000, run: () => worker.kick() },
    { name: 'imap', everyMs: 10_000, run: () => pollDueMailboxes(deps.db, log, kick) },
    { name: 'mail-notifications', everyMs: 2_000, run: () => sendTicketNotifications(deps.db, deps.config) },
    { name: 'mail', everyMs: 2_000, run: () => deliverDueMail(deps.db, delivery.hooks) },
  ];
  return {
    jobs,
    kick,
    async start() {
      if (!listener) return;
      const port = await listener.listen();
      log.info(`SMTP listener on ${deps.config.smtp.host}:${port}`);
    },
    async stop() {
      await listener?.close();
      await worker.idle();
      delivery.close();
    },
  };
}

/** The mail modules' admin routes (mailboxes, received mail, copies), and their runtime when background work runs in this process. */
export async function registerMailModules(app: FastifyInstance, deps: AppDeps): Promise<PeriodicJob[]> {
  const runtime = deps.config.backgroundJobs ? mailRuntime(deps, app.log) : null;
  app.metrics.gauge({
    name: 'steward_mail_inbound_waiting',
    help: 'Received mail kept but not yet turned into tickets or replies',
    read: () => inboundWaiting(deps.db),
  });
  await app.register(mailboxesRoutes, {
    mailboxes: mailboxesService(deps),
    rules: mailRulesService(deps),
    templates: templatesService(deps),
  });
  await app.register(inboundRoutes, { inbound: inboundService(deps, () => runtime?.kick()) });
  await app.register(copiesRoutes, { copies: copiesService(deps) });
  if (!runtime) return [];
  app.addHook('onReady', () => runtime.start());
  app.addHook('onClose', () => runtime.stop());
  return runtime.jobs;
}
