import Fastify from 'fastify';
import type { Config } from '../config';
import { createDatabase } from '../db/database';
import { sharedBusUrl } from '../db/dialect';
import { migrateToLatest } from '../db/migrate';
import { mailRuntime } from '../modules/mail-runtime';
import { startJobs } from '../platform/jobs';
import { localBus, postgresBus } from '../platform/live/bus';
import { loggerOptions } from '../platform/logging';

/**
 * `steward smtp`: the mail side of Steward without the web server (the SMTP listener, mail
 * processing, IMAP polling, notifications and delivery), until SIGINT or SIGTERM.
 */
export async function runMailNode(config: Config): Promise<void> {
  const { log } = Fastify({ logger: loggerOptions(config) });
  const handle = createDatabase(config.database, { backgroundCheckpoints: true });
  await migrateToLatest(handle);
  const busUrl = sharedBusUrl(config.database);
  const live = busUrl ? await postgresBus(busUrl, log, handle.schema) : localBus();
  const runtime = mailRuntime({ db: handle.db, config, live }, log);
  await runtime.start();
  const stopJobs = startJobs(runtime.jobs, log);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  log.info('stopping the mail node');
  await stopJobs();
  await runtime.stop();
  await live.close();
  await handle.destroy();
}
