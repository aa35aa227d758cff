import { AsyncLocalStorage } from 'node:async_hooks';
import type { Ticket, UpdateTicketBody } from '../../../contracts/tickets';
import type { DbOrTrx } from '../../db/database';
import { withSavepoint } from '../../db/savepoint';
import { nowIso } from '../../platform/clock';
import { appendTicketEvents, loadTicket, type TicketChange, type TicketEventSubscriber } from '../tickets';
import { applyPlan, type RulePorts } from './automation.actions';
import { type ActiveTriggers, activeTriggers, type CompiledTrigger } from './automation.compiled';
import { gatherFacts } from './automation.facts';
import { automationRepository as repo } from './automation.repository';
import { type Plan, planActions, runsOn, type TicketFacts } from './automation.rules';

/** How deep changes made by triggers may set off further triggers on the same ticket. */
export const MAX_CHAIN_DEPTH = 5;
/** Events rules write about themselves: no reason to run the triggers again. */
export const RULE_EVENTS: ReadonlySet<string> = new Set([
  'trigger_fired',
  'trigger_failed',
  'automation_acted',
]);

const SYSTEM = { type: 'system', id: null } as const;
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** One ticket change and the changes its triggers make: which triggers fired, and how deep the chain is. */
interface Chain {
  ticketId: number;
  fired: Set<number>;
  depth: number;
}
const chains = new AsyncLocalStorage<Chain>();

/**
 * Records the firing in the ticket's history and applies the plan, in a savepoint: a trigger
 * whose actions fail (a status the ticket cannot take, a team since deleted) is undone alone and
 * recorded as failed; the change that set it off still commits.
 */
async function fire(
  db: DbOrTrx,
  trigger: CompiledTrigger,
  ticketId: number,
  plan: Plan,
  chain: Chain,
  ports: RulePorts,
) {
  const at = nowIso();
  await withSavepoint(
    db,
    `trigger_${trigger.id}_${chain.depth}`,
    async () => {
      await appendTicketEvents(
        db,
        ticketId,
        SYSTEM,
        [{ type: 'trigger_fired', from: trigger.name, to: plan.changes.join('; ').slice(0, 2000) }],
        at,
      );
      await repo.countFiring(db, trigger.id, at);
      await chains.run(chain, () => applyPlan(db, trigger.name, ticketId, plan, ports));
    },
    async (error) => {
      await appendTicketEvents(
        db,
        ticketId,
        SYSTEM,
        [{ type: 'trigger_failed', from: trigger.name, to: errorText(error) }],
        at,
      );
    },
  );
}

/** Fields a trigger may set without a write before the next trigger looks: they are the ticket's own, and no clock or queue moves with them until the write. */
const BATCHED_FIELDS: ReadonlySet<string> = new Set(['priority', 'type', 'tags', 'customFields']);

/** Whether a plan only sets fields the next triggers can see on the ticket in memory. */
const batchable = (plan: Plan) =>
  plan.effects.length === 0 && Object.keys(plan.update).every((key) => BATCHED_FIELDS.has(key));

/** The ticket as it reads once a batchable plan is applied. */
function withPlan(ticket: Ticket, update: UpdateTicketBody): Ticket {
  return {
    ...ticket,
    priority: update.priority ?? ticket.priority,
    type: update.type ?? ticket.type,
    tags: update.tags ?? ticket.tags,
    customFields: update.customFields
      ? { ...ticket.customFields, ...update.customFields }
      : ticket.customFields,
  };
}

/** Consecutive firings that only set fields: recorded one by one, written as one change. */
interface Batch {
  firings: { trigger: CompiledTrigger; plan: Plan }[];
  update: UpdateTicketBody;
}

function addToBatch(batch: Batch | null, trigger: CompiledTrigger, plan: Plan): Batch {
  const update = { ...batch?.update, ...plan.update };
  if (batch?.update.customFields && plan.update.customFields)
    update.customFields = { ...batch.update.customFields, ...plan.update.customFields };
  return { firings: [...(batch?.firings ?? []), { trigger, plan }], update };
}

/** Who a batch's change is by, in the ticket's history: the trigger, or the first and how many more. */
const batchActor = (batch: Batch) => {
  const [first, ...rest] = batch.firings.map((f) => f.trigger.name);
  return rest.length === 0
    ? first!
    : `${first} and ${rest.length} more trigger${rest.length === 1 ? '' : 's'}`;
};

/**
 * Writes a batch: every firing in the history, then the fields they set as one change, which
 * runs the triggers again as any change does. If that change fails, each firing is made alone,
 * so only the one that cannot apply is undone.
 */
async function fireBatch(db: DbOrTrx, batch: Batch, ticketId: number, chain: Chain, ports: RulePorts) {
  if (batch.firings.length === 1) {
    const [{ trigger, plan }] = batch.firings as [Batch['firings'][number]];
    return fire(db, trigger, ticketId, plan, chain, ports);
  }
  const at = nowIso();
  let failed = false;
  await withSavepoint(
    db,
    `triggers_${ticketId}_${chain.depth}`,
    async () => {
      await appendTicketEvents(
        db,
        ticketId,
        SYSTEM,
        batch.firings.map(({ trigger, plan }) => ({
          type: 'trigger_fired',
          from: trigger.name,
          to: plan.changes.join('; ').slice(0, 2000),
        })),
        at,
      );
      for (const { trigger } of batch.firings) await repo.countFiring(db, trigger.id, at);
      const plan: Plan = { update: batch.update, effects: [], changes: [] };
      await chains.run(chain, () => applyPlan(db, batchActor(batch), ticketId, plan, ports));
    },
    async () => {
      failed = true;
    },
  );
  if (failed)
    for (const { trigger, plan } of batch.firings) await fire(db, trigger, ticketId, plan, chain, ports);
}

async function runTriggers(
  db: DbOrTrx,
  change: TicketChange,
  active: ActiveTriggers,
  chain: Chain,
  ports: RulePorts,
): Promise<void> {
  const created = change.events.some((e) => e.type === 'created');
  let ticket = await loadTicket(db, change.ticketId);
  let facts: TicketFacts | null = null;
  let batch: Batch | null = null;
  const deeper = { ...chain, depth: chain.depth + 1 };
  for (const trigger of active.triggers) {
    if (chain.fired.has(trigger.id) || !runsOn(trigger.when, created)) continue;
    // The change's own customer message is the latest one: it is not read back.
    facts ??= await gatherFacts(db, ticket, active.needs, change.events, Date.now(), {
      ...(change.customerBody === undefined ? {} : { customerBody: change.customerBody }),
    });
    if (!trigger.compiled.test(facts)) continue;
    chain.fired.add(trigger.id);
    const plan = planActions(ticket, trigger.actions, trigger.names);
    if (plan.changes.length === 0) continue;
    if (batchable(plan)) {
      // The next triggers see the fields set; what else they read (body, mailbox, hours) is unchanged.
      batch = addToBatch(batch, trigger, plan);
      ticket = withPlan(ticket, plan.update);
      facts = { ...facts, ticket };
      continue;
    }
    if (batch) await fireBatch(db, batch, change.ticketId, deeper, ports);
    batch = null;
    await fire(db, trigger, change.ticketId, plan, deeper, ports);
    ticket = await loadTicket(db, change.ticketId);
    facts = null;
  }
  if (batch) await fireBatch(db, batch, change.ticketId, deeper, ports);
}

/**
 * The ticket-event subscriber (ADR 0021) that runs the active triggers in order on every create
 * and update, in the change's transaction. A trigger fires at most once per change, counting the
 * changes triggers make in turn (they run the triggers again; the ones that fired are passed
 * over), and chains stop at MAX_CHAIN_DEPTH.
 */
export function runTriggersOnChange(ports: RulePorts): TicketEventSubscriber {
  return async (db, change) => {
    if (change.historic || change.events.every((e) => RULE_EVENTS.has(e.type))) return;
    const outer = chains.getStore();
    const chain: Chain =
      outer?.ticketId === change.ticketId ? outer : { ticketId: change.ticketId, fired: new Set(), depth: 0 };
    if (chain.depth >= MAX_CHAIN_DEPTH) return;
    const active = await activeTriggers(db);
    if (active.triggers.length === 0) return;
    await runTriggers(db, change, active, chain, ports);
  };
}
