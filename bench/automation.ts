// Triggers and automations on a generated database (call after the generator, like benchSweep):
// - benchTriggers: the latency a ticket create and update adds with BENCH_TRIGGERS (default 50)
//   active triggers against none, in-process through the tickets entry with the subscribers the
//   registry adds (service-level clocks, then triggers), p50 and p99 in ms;
// - benchAutomationSweep: one automation sweep over the open tickets (BENCH_AUTOMATION_TICKETS,
//   default 200,000, opened as bare rows when the database has fewer), ms per sweep: the first,
//   which acts on every due ticket, and the next, which finds each already acted on this period.
import { type TriggerDraftInput, triggerDraft } from '../contracts/automation';
import type { Db } from '../server/db/database';
import {
  insertAutomationRow,
  insertTriggerRow,
  moveToTeam,
  runTriggersOnChange,
  sweepAutomations,
} from '../server/modules/automation';
import { setPresence, setTeamRouting } from '../server/modules/routing';
import { clockMover } from '../server/modules/sla';
import { teamMemberIds } from '../server/modules/teams';
import {
  changeTicket,
  insertTicketRow,
  openTicket,
  subscribeToTicketEvents,
} from '../server/modules/tickets';
import { systemContext } from '../server/platform/auth/actor';

const TRIGGERS = Number(process.env.BENCH_TRIGGERS ?? 50);
const WRITES = Number(process.env.BENCH_TRIGGER_WRITES ?? 400);
const OPEN_TICKETS = Number(process.env.BENCH_AUTOMATION_TICKETS ?? 200_000);
const HOUR = 3_600_000;
const ports = { routeTicket: moveToTeam };

export interface AutomationRow {
  target: string;
  scenario: string;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

/** Fifty rules of the kinds a desk writes: most look and pass, a few act (tags, priority) on some tickets. */
function triggerSet(count: number): TriggerDraftInput[] {
  const kinds = [
    (i: number): TriggerDraftInput => ({
      name: `Type and priority ${i}`,
      when: 'create',
      conditions: {
        all: [
          { field: 'type', operator: 'is', value: 'complaint' },
          { field: 'priority', operator: 'one_of', value: ['high', 'urgent'] },
        ],
        any: [],
      },
      actions: [{ type: 'add_tags', tags: [`complaint-${i}`] }],
    }),
    (i: number): TriggerDraftInput => ({
      name: `Words in the subject ${i}`,
      when: 'both',
      conditions: { all: [{ field: 'subject', operator: 'contains', value: `bench-word-${i}` }], any: [] },
      actions: [{ type: 'set', field: 'priority', value: 'high' }],
    }),
    (i: number): TriggerDraftInput => ({
      name: `Raised to urgent ${i}`,
      when: 'update',
      conditions: { all: [{ field: 'priority', operator: 'changed_to', value: 'urgent' }], any: [] },
      actions: [{ type: 'add_tags', tags: ['raised'] }],
    }),
    (i: number): TriggerDraftInput => ({
      name: `Tags and channel ${i}`,
      when: 'both',
      conditions: {
        all: [{ field: 'channel', operator: 'is', value: 'phone' }],
        any: [
          { field: 'tags', operator: 'contains', value: 'vip' },
          { field: 'status', operator: 'is', value: 'on_hold' },
        ],
      },
      actions: [{ type: 'set', field: 'priority', value: 'urgent' }],
    }),
    (i: number): TriggerDraftInput => ({
      name: `Text pattern ${i}`,
      when: 'create',
      conditions: {
        all: [{ field: 'text', operator: 'matches', value: `refund ${i}|charge ?back ${i}` }],
        any: [],
      },
      actions: [{ type: 'add_tags', tags: ['refund'] }],
    }),
  ];
  return Array.from({ length: count }, (_, i) => kinds[i % kinds.length]!(i));
}

/**
 * What the HTTP bench's delegated create scenario runs with: the fifty triggers above, and the
 * team in round robin with every member online.
 */
export async function setUpDelegation(db: Db, teamId: number) {
  const now = new Date().toISOString();
  for (const draft of triggerSet(TRIGGERS)) await insertTriggerRow(db, triggerDraft.parse(draft), now);
  await setTeamRouting(db, teamId, { method: 'round_robin' });
  for (const id of await teamMemberIds(db, teamId)) await setPresence(db, id, 'online', 'set', now);
}

async function clearTriggers(db: Db) {
  await db.deleteFrom('triggers').execute();
  await db
    .updateTable('automation_revisions')
    .set({ revision: Math.floor(Math.random() * 2 ** 31) })
    .execute();
}

/** Create and update times, each in its own transaction, as a request makes them. */
async function writeTimes(db: Db, label: string): Promise<{ create: number[]; update: number[] }> {
  const ctx = systemContext('Bench');
  const create: number[] = [];
  const update: number[] = [];
  for (let i = 0; i < WRITES; i += 1) {
    let started = performance.now();
    const ticket = await db.transaction().execute((trx) =>
      openTicket(trx, ctx, {
        subject: `${label} ${i}: my parcel arrived broken`,
        requester: { email: 'bench.triggers@customer.example' },
        message: {
          body: 'The box was crushed and the lamp inside is broken. I would like a replacement.',
          attachmentIds: [],
        },
        channel: 'email',
        type: i % 3 === 0 ? 'complaint' : 'question',
        priority: i % 4 === 0 ? 'high' : 'normal',
        status: 'new',
        categoryId: null,
        tags: [],
        assigneeId: null,
        teamId: null,
        dueAt: null,
        customFields: {},
      }),
    );
    create.push(performance.now() - started);
    started = performance.now();
    await db.transaction().execute((trx) =>
      changeTicket(trx, ctx, ticket.id, {
        priority: i % 10 === 0 ? 'urgent' : i % 2 === 0 ? 'high' : 'low',
      }),
    );
    update.push(performance.now() - started);
  }
  return { create: create.sort((a, b) => a - b), update: update.sort((a, b) => a - b) };
}

/** Ticket create and update with no triggers and with BENCH_TRIGGERS active ones; the difference is what triggers add. */
export async function benchTriggers(target: string, db: Db): Promise<AutomationRow[]> {
  subscribeToTicketEvents('sla', clockMover({ keep: true }));
  // The subscriber's own time per change (its firings' writes included), apart from commit noise.
  const run = runTriggersOnChange(ports);
  const quiet: number[] = [];
  const firing: number[] = [];
  let depth = 0;
  const firings = async (trx: Parameters<typeof run>[0], ticketId: number) =>
    Number(
      (
        await trx
          .selectFrom('ticket_events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('ticket_id', '=', ticketId)
          .where('type', '=', 'trigger_fired')
          .executeTakeFirstOrThrow()
      ).n,
    );
  subscribeToTicketEvents('automation', async (trx, change) => {
    if (depth > 0) return run(trx, change);
    const before = await firings(trx, change.ticketId);
    const started = performance.now();
    depth += 1;
    try {
      await run(trx, change);
    } finally {
      depth -= 1;
    }
    const ms = performance.now() - started;
    ((await firings(trx, change.ticketId)) > before ? firing : quiet).push(ms);
  });
  await clearTriggers(db);
  await writeTimes(db, 'warm-up');
  const bare = await writeTimes(db, 'no triggers');
  const now = new Date().toISOString();
  for (const draft of triggerSet(TRIGGERS)) await insertTriggerRow(db, triggerDraft.parse(draft), now);
  await writeTimes(db, 'warm-up with triggers');
  quiet.length = 0;
  firing.length = 0;
  const ruled = await writeTimes(db, `${TRIGGERS} triggers`);
  const evaluated = [...quiet].sort((a, b) => a - b);
  const fired = [...firing].sort((a, b) => a - b);
  await clearTriggers(db);
  const row = (scenario: string, times: number[]) => ({
    target,
    scenario,
    p50: round(percentile(times, 50)),
    p99: round(percentile(times, 99)),
  });
  const added = (scenario: string, a: number[], b: number[]) => ({
    target,
    scenario,
    p50: round(percentile(b, 50) - percentile(a, 50)),
    p99: round(percentile(b, 99) - percentile(a, 99)),
  });
  return [
    row('create, no triggers', bare.create),
    row(`create, ${TRIGGERS} triggers`, ruled.create),
    added(`create, added by ${TRIGGERS} triggers`, bare.create, ruled.create),
    row('update, no triggers', bare.update),
    row(`update, ${TRIGGERS} triggers`, ruled.update),
    added(`update, added by ${TRIGGERS} triggers`, bare.update, ruled.update),
    row(
      `${TRIGGERS} triggers per change where none fires (${evaluated.length}), in the subscriber`,
      evaluated,
    ),
    row(`${TRIGGERS} triggers per change where some fire (${fired.length}), with their writes`, fired),
  ];
}

/** Opens bare pending rows until the database has OPEN_TICKETS open tickets; answers how many are open. */
async function fillOpenTickets(db: Db, now: number): Promise<number> {
  const count = async () =>
    Number(
      (
        await db
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('is_open', '=', 1)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const requester = await db.selectFrom('customers').select('id').orderBy('id').executeTakeFirstOrThrow();
  let open = await count();
  while (open < OPEN_TICKETS) {
    const batch = Math.min(1000, OPEN_TICKETS - open);
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < batch; i += 1) {
        const at = new Date(now - ((open + i) % 500) * HOUR).toISOString();
        await insertTicketRow(trx, {
          subject: `Open ticket ${open + i}`,
          requester_id: requester.id,
          organization_id: null,
          channel: 'email',
          type: 'question',
          priority: 'normal',
          status: (open + i) % 4 === 0 ? 'pending' : 'open',
          category_id: null,
          assignee_id: null,
          team_id: null,
          due_at: null,
          escalated_at: null,
          escalation_reason: null,
          escalated_to_id: null,
          custom_fields: '{}',
          tags: '[]',
          first_reply_at: null,
          last_customer_message_at: at,
          waiting_since: null,
          solved_at: null,
          closed_at: null,
          message_count: 1,
          last_message_at: at,
          merged_into_id: null,
          follow_up_of_id: null,
          created_at: at,
          updated_at: at,
        });
      }
    });
    open += batch;
  }
  return open;
}

/**
 * One sweep of the default automation (auto-close) and a tag for tickets without a customer
 * message for 490 hours (2 % of the generated rows) over the open tickets:
 * the first acts on every due ticket, the second finds each already acted on in its period.
 */
export async function benchAutomationSweep(target: string, db: Db): Promise<AutomationRow[]> {
  const now = Date.now();
  const open = await fillOpenTickets(db, now);
  const id = await insertAutomationRow(
    db,
    {
      name: 'Quiet for 20 days: tag',
      active: true,
      conditions: {
        all: [
          { field: 'status', operator: 'is', value: 'open' },
          { field: 'hours_since_customer_message', operator: 'at_least', value: 490 },
        ],
        any: [],
      },
      actions: [{ type: 'add_tags', tags: ['quiet'] }],
    },
    new Date(now).toISOString(),
  );
  const time = async () => {
    const started = performance.now();
    const count = await sweepAutomations(db, ports, now);
    return { ms: performance.now() - started, ...count };
  };
  const first = await time();
  const second = await time();
  await db.deleteFrom('automations').where('id', '=', id).execute();
  const row = (scenario: string, ms: number) => ({
    target,
    scenario,
    p50: Math.round(ms),
    p99: Math.round(ms),
  });
  return [
    row(`automation sweep over ${open} open tickets, acting on ${first.acted}`, first.ms),
    row(
      `automation sweep over ${open} open tickets, all acted on already (checked ${second.checked})`,
      second.ms,
    ),
  ];
}
