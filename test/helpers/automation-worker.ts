/**
 * An automation sweeper for the two-process test: runs the automations at the instant NOW (ms)
 * a few times, then exits. Run with `node --import tsx`; it prints `ready` and starts when a
 * line arrives on stdin, and `acted N` at the end.
 * Env: DB_FILE (SQLite) or PG_URL and PG_SCHEMA; NOW.
 */
import { createDatabase } from '../../server/db/database';
import { moveToTeam, sweepAutomations } from '../../server/modules/automation';

const env = process.env;
const handle = env.PG_URL
  ? createDatabase({ dialect: 'postgres', url: env.PG_URL }, { pgSchema: env.PG_SCHEMA })
  : createDatabase({ dialect: 'sqlite', filename: env.DB_FILE! });
const now = Number(env.NOW);

process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));

let acted = 0;
for (let run = 0; run < 4; run += 1) {
  const count = await sweepAutomations(handle.db, { routeTicket: moveToTeam }, now).catch(
    (error: unknown) => {
      console.error(error);
      return { acted: 0 };
    },
  );
  acted += count.acted;
}
process.stdout.write(`acted ${acted}\n`);
await handle.destroy();
process.stdin.destroy();
