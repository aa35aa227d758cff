import { AsyncLocalStorage } from 'node:async_hooks';
import type { DbOrTrx } from '../../db/database';
import { withSavepoint } from '../../db/savepoint';
import { nowIso } from '../../platform/clock';
import { appendTicketEvents, loadTicket, type TicketChange, type TicketEventSubscriber } from '../tickets';
import { applyPlan, type RulePorts } from './automation.actions';
import { type ActiveTriggers, activeTriggers, type CompiledTrigger } from './automation.compiled';
import { gatherFacts } from './automation.facts';
import { automationRepository as repo } from './automation.repository';
import { type Plan, planActions, runsOn } from './automation.rules';

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

async function runTriggers(
  db: DbOrTrx,
  change: TicketChange,
  active: ActiveTriggers,
  chain: Chain,
  ports: RulePorts,
): Promise<void> {
  const created = change.events.some((e) => e.type === 'created');
  let ticket = await loadTicket(db, change.ticketId);
  let facts = null;
  for (const trigger of active.triggers) {
    if (chain.fired.has(trigger.id) || !runsOn(trigger.when, created)) continue;
    facts ??= await gatherFacts(db, ticket, active.needs, change.events, Date.now());
    if (!trigger.compiled.test(facts)) continue;
    chain.fired.add(trigger.id);
    const plan = planActions(ticket, trigger.actions, trigger.names);
    if (plan.changes.length === 0) continue;
    await fire(db, trigger, change.ticketId, plan, { ...chain, depth: chain.depth + 1 }, ports);
    ticket = await loadTicket(db, change.ticketId);
    facts = null;
  }
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
