/**
 * A node that opens tickets for the two-process routing test: opens COUNT tickets in team
 * TEAM_ID, each in its own transaction, routed by the routing subscriber as in the server.
 * Run with `node --import tsx`; it prints `ready` and starts when a line arrives on stdin.
 * Env: DB_FILE (SQLite) or PG_URL and PG_SCHEMA; TEAM_ID, COUNT, NODE.
 */
import { createTicketBody } from '../../contracts/tickets';
import { createDatabase } from '../../server/db/database';
import { openingAssigner, routeOnTicketEvents } from '../../server/modules/routing';
import {
  assignTicketsAtOpeningWith,
  openTicket,
  subscribeToTicketEvents,
} from '../../server/modules/tickets';
import { systemContext } from '../../server/platform/auth/actor';

const env = process.env;
const handle = env.PG_URL
  ? createDatabase({ dialect: 'postgres', url: env.PG_URL }, { pgSchema: env.PG_SCHEMA })
  : createDatabase({ dialect: 'sqlite', filename: env.DB_FILE! });
subscribeToTicketEvents('routing', routeOnTicketEvents);
assignTicketsAtOpeningWith(openingAssigner({ keep: true }));
const ctx = systemContext('Web form');

process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));

let opened = 0;
for (let i = 0; i < Number(env.COUNT); i += 1) {
  const input = createTicketBody.parse({
    subject: `Node ${env.NODE} order ${i}`,
    requester: { email: `node${env.NODE}.${i}@customer.example`, name: 'Node Customer' },
    message: { body: 'Hello, my order has not arrived yet and the tracking page shows nothing at all.' },
    channel: 'web',
    teamId: Number(env.TEAM_ID),
  });
  await handle.db.transaction().execute((trx) => openTicket(trx, ctx, input));
  opened += 1;
}
process.stdout.write(`opened ${opened}\n`);
await handle.destroy();
process.stdin.destroy();
