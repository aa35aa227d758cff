// The operations board's bench: p50 and p95 of reading the whole board (every team, as a
// manager sees it) on a generated database, without the kept answer, so each read pays for the
// backlog and unassigned counts from the covering index, the clocks, the agents and today.
import type { Db } from '../server/db/database';
import { readBoard } from '../server/modules/reports';

const READS = Number(process.env.BENCH_BOARD_READS ?? 60);

export interface BoardRow {
  target: string;
  scenario: string;
  p50: number;
  p95: number;
}

const time = async (fn: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await fn();
  return performance.now() - started;
};

/** Reads the board `READS` times (after three warm-up reads) for every team and for one team. */
export async function benchBoard(target: string, db: Db): Promise<BoardRow[]> {
  const team = await db.selectFrom('teams').select('id').orderBy('id').executeTakeFirst();
  const open = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('is_open', '=', 1)
    .executeTakeFirst();
  const all = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  const size = `${Number(all?.n ?? 0).toLocaleString('en')} tickets, ${Number(open?.n ?? 0).toLocaleString('en')} open`;
  const rows: BoardRow[] = [];
  for (const [label, teamIds] of [
    ['every team', null],
    ['one team (a lead’s board)', team ? [team.id] : []],
  ] as const) {
    for (let i = 0; i < 3; i++) await readBoard(db, teamIds ? [...teamIds] : null, Date.now());
    const ms: number[] = [];
    for (let i = 0; i < READS; i++)
      ms.push(await time(() => readBoard(db, teamIds ? [...teamIds] : null, Date.now())));
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
    rows.push({ target, scenario: `board read, ${label}, ${size}`, p50: at(0.5), p95: at(0.95) });
  }
  return rows;
}
