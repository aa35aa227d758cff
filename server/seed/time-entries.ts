import type { DbOrTrx } from '../db/database';
import { logTime } from '../modules/tickets';
import type { RequestContext } from '../platform/auth/actor';
import type { Random } from './random';

const MINUTE = 60_000;
/** What agents spend time on, beside the conversation itself. */
const NOTES = [
  'Checked the order with the warehouse',
  'Called the courier about the parcel',
  'Looked through the account history',
  'Reproduced the problem on a test account',
  'Wrote up the refund for finance',
  '',
  '',
];
const LENGTHS = [5, 10, 10, 15, 15, 20, 25, 30, 45, 60, 90];

/** An agent acting in the demo: who logged the time. */
const agentContext = (id: number): RequestContext => ({
  actor: { type: 'user', id, name: '', email: '', role: 'agent', sessionId: null },
  ip: null,
});

/**
 * Handle time on about a third of the answered demo tickets: one or two entries by the
 * assignee, after the first reply and before the ticket was solved, logged through the
 * tickets module as an agent would, as history (nothing is mailed, nothing audited as now).
 */
export async function seedTimeEntries(db: DbOrTrx, rnd: Random, nowMs: number): Promise<number> {
  const tickets = await db
    .selectFrom('tickets')
    .select(['id', 'assignee_id', 'first_reply_at', 'solved_at'])
    .where('assignee_id', 'is not', null)
    .where('first_reply_at', 'is not', null)
    .where('merged_into_id', 'is', null)
    .orderBy('id')
    .execute();
  let logged = 0;
  for (const ticket of tickets) {
    if (rnd.next() >= 1 / 3) continue;
    const from = Date.parse(ticket.first_reply_at!);
    const until = Math.min(ticket.solved_at ? Date.parse(ticket.solved_at) : nowMs, nowMs);
    const entries = rnd.int(1, 2);
    for (let i = 0; i < entries; i++) {
      const at = Math.min(from + rnd.int(1, 8 * 60) * MINUTE, until);
      await logTime(
        db,
        agentContext(ticket.assignee_id!),
        ticket.id,
        { minutes: rnd.pick(LENGTHS), note: rnd.pick(NOTES) },
        { at: new Date(at).toISOString(), historic: true },
      );
      logged += 1;
    }
  }
  return logged;
}
