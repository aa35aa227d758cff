/**
 * A service-level sweeper for the two-process test: sweeps at the instant NOW (ms) until a
 * few sweeps in a row find nothing due, then exits. Run with `node --import tsx`; it prints
 * `ready` and starts when a line arrives on stdin.
 * Env: DB_FILE (SQLite) or PG_URL and PG_SCHEMA; NOW.
 */
import { createDatabase } from '../../server/db/database';
import { sweepServiceLevels } from '../../server/modules/sla';

const env = process.env;
const handle = env.PG_URL
  ? createDatabase({ dialect: 'postgres', url: env.PG_URL }, { pgSchema: env.PG_SCHEMA })
  : createDatabase({ dialect: 'sqlite', filename: env.DB_FILE! });
const now = Number(env.NOW);

process.stdout.write('ready\n');
await new Promise((resolve) => process.stdin.once('data', resolve));

let quiet = 0;
let swept = 0;
while (quiet < 5) {
  const seen = await sweepServiceLevels(handle.db, now).catch((error: unknown) => {
    console.error(error);
    return 0;
  });
  swept += seen;
  quiet = seen === 0 ? quiet + 1 : 0;
}
process.stdout.write(`swept ${swept}\n`);
await handle.destroy();
process.stdin.destroy();
