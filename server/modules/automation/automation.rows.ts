import { type AutomationDraft, describeAction, type TriggerDraft } from '../../../contracts/automation';
import type { DbOrTrx } from '../../db/database';
import { appendTicketEvents, ticketsByIds } from '../tickets';
import { compileRules, triggerOf } from './automation.compiled';
import { ensureDefaultAutomation } from './automation.defaults';
import { automationRepository as repo } from './automation.repository';
import { runsOn } from './automation.rules';

// Rules stored as given, for seed data and benchmarks (the service checks what people send).

export async function insertTriggerRow(db: DbOrTrx, draft: TriggerDraft, at: string): Promise<number> {
  const id = await repo.triggers.insert(db, {
    name: draft.name,
    active: draft.active ? 1 : 0,
    position: await repo.triggers.nextPosition(db),
    run_on: draft.when,
    conditions: JSON.stringify(draft.conditions),
    actions: JSON.stringify(draft.actions),
    last_fired_at: null,
    created_at: at,
    updated_at: at,
  });
  await repo.bumpRevision(db, 'triggers');
  return id;
}

export async function insertAutomationRow(db: DbOrTrx, draft: AutomationDraft, at: string): Promise<number> {
  await ensureDefaultAutomation(db);
  const id = await repo.automations.insert(db, {
    name: draft.name,
    active: draft.active ? 1 : 0,
    position: await repo.automations.nextPosition(db),
    kind: 'custom',
    system_key: null,
    conditions: JSON.stringify(draft.conditions),
    actions: JSON.stringify(draft.actions),
    last_run_at: null,
    created_at: at,
    updated_at: at,
  });
  await repo.bumpRevision(db, 'automations');
  return id;
}

/**
 * History for seed data: each trigger's firing on up to `perTrigger` of the newest tickets it
 * matches as they were opened, recorded when they were opened (historic: no mail).
 */
export async function recordPastFirings(db: DbOrTrx, perTrigger: number): Promise<number> {
  const rules = await compileRules(
    db,
    (await repo.triggers.list(db)).filter((r) => r.active === 1).map(triggerOf),
  );
  const tickets = await ticketsByIds(db, await repo.newestTicketIds(db, 300));
  let recorded = 0;
  for (const rule of rules) {
    if (!runsOn(rule.when, true)) continue;
    const matching = tickets.filter((ticket) =>
      rule.compiled.test({
        ticket,
        events: [{ type: 'created' }],
        now: Date.parse(ticket.createdAt),
        openNow: true,
        body: '',
      }),
    );
    for (const ticket of matching.slice(0, perTrigger)) {
      const changes = rule.actions.map((a) => describeAction(a, rule.names)).join('; ');
      await appendTicketEvents(
        db,
        ticket.id,
        { type: 'system', id: null },
        [{ type: 'trigger_fired', from: rule.name, to: changes }],
        ticket.createdAt,
        { historic: true },
      );
      await repo.countFiring(db, rule.id, ticket.createdAt);
      recorded += 1;
    }
  }
  return recorded;
}
