/**
 * A delivery process for the outbox tests: delivers due mail through SMTP_URL until the
 * outbox has been quiet for a while, then exits. Run with `node --import tsx`; it prints
 * `ready` and starts when a line arrives on stdin.
 * Env: DB_FILE (SQLite) or PG_URL and PG_SCHEMA; SMTP_URL; OWNER.
 */
import type { FastifyBaseLogger } from 'fastify';
import { createDatabase } from '../../server/db/database';
import { type DeliveryHooks, deliverDueMail, transportFromUrl } from '../../server/platform/mail/outbox';

const env = process.env;
const handle = env.PG_URL
  ? createDatabase({ dialect: 'postgres', url: env.PG_URL }, { pgSchema: env.PG_SCHEMA })
  : createDatabase({ dialect: 'sqlite', filename: env.DB_FILE! });
const transport = transportFromUrl(env.SMTP_URL!)!;
const log = { info() {}, warn() {}, error() {} } as unknown as FastifyBaseLogger;
const hooks: DeliveryHooks = {
  defaultFrom: 'support@steward.example',
  log,
  transportFor: async () => transport,
  attachmentsFor: async () => [],
  onPermanentFailure: async () => {},
};

// Both processes start delivering at the same moment: say ready, wait for the word.
process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));

let quiet = 0;
while (quiet < 10) {
  const sent = await deliverDueMail(handle.db, hooks, env.OWNER).catch((error: unknown) => {
    console.error(error);
    return 0;
  });
  quiet = sent === 0 ? quiet + 1 : 0;
  await new Promise((resolve) => setTimeout(resolve, 50));
}
transport.close();
await handle.destroy();
process.stdin.destroy();
