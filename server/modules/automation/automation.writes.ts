import {
  type Automation,
  describeAutomation,
  describeTrigger,
  type Names,
  type Trigger,
} from '../../../contracts/automation';
import type { DbOrTrx } from '../../db/database';
import { recordAudit } from '../../platform/audit/audit.writer';
import type { RequestContext } from '../../platform/auth/actor';
import { AppError, notFound } from '../../platform/errors';
import { readSetting } from '../settings';
import { automationOf, namesFor, triggerOf } from './automation.compiled';
import { type AutomationRow, automationRepository as repo, type TriggerRow } from './automation.repository';

// What the rule editors share: a rule as the API shows it, and the steps that follow every
// write of one (a new revision for the compiled rules, the rule read back, the audit entry).

export const triggerNotFound = (id: number) => notFound('TRIGGER_NOT_FOUND', `Trigger #${id}`);
export const automationNotFound = (id: number) => notFound('AUTOMATION_NOT_FOUND', `Automation #${id}`);
export const invalid = (path: string[], message: string) =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

export function toTrigger(row: TriggerRow, names: Names): Trigger {
  const t = triggerOf(row);
  return {
    ...t,
    active: row.active === 1,
    position: row.position,
    description: describeTrigger(t, names),
    firedCount: row.fired_count,
    lastFiredAt: row.last_fired_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toAutomation(row: AutomationRow, names: Names, autoCloseDays: number): Automation {
  const a = automationOf(row);
  const conditions =
    a.kind === 'auto_close'
      ? {
          all: a.conditions.all.map((c) =>
            c.field === 'hours_since_solved' ? { ...c, value: autoCloseDays * 24 } : c,
          ),
          any: a.conditions.any,
        }
      : a.conditions;
  return {
    ...a,
    conditions,
    active: row.active === 1,
    position: row.position,
    description: describeAutomation({ conditions, actions: a.actions }, names),
    actedCount: row.acted_count,
    lastRunAt: row.last_run_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const AUTO_CLOSE_SETTING = 'tickets.autoCloseDays';
export async function autoCloseDays(db: DbOrTrx): Promise<number> {
  const days = Number(await readSetting(db, AUTO_CLOSE_SETTING));
  return Number.isInteger(days) && days > 0 ? days : 4;
}

export async function loadTrigger(db: DbOrTrx, id: number): Promise<Trigger> {
  const row = await repo.triggers.find(db, id);
  if (!row) throw triggerNotFound(id);
  const t = triggerOf(row);
  return toTrigger(row, await namesFor(db, [t]));
}

export async function loadAutomation(db: DbOrTrx, id: number): Promise<Automation> {
  const row = await repo.automations.find(db, id);
  if (!row) throw automationNotFound(id);
  return toAutomation(row, await namesFor(db, [automationOf(row)]), await autoCloseDays(db));
}

const audited = (r: { name: string; active: boolean; description: string }) => ({
  name: r.name,
  active: r.active,
  rule: r.description,
});

export function assertEvery(existing: number[], ids: number[], what: string): void {
  const given = new Set(ids);
  if (given.size !== ids.length || given.size !== existing.length || existing.some((id) => !given.has(id)))
    throw invalid(['ids'], `List every ${what} exactly once, first to last`);
}

interface Rules {
  trigger: Trigger;
  automation: Automation;
}
type RuleKind = keyof Rules;

const tables = { trigger: 'triggers', automation: 'automations' } as const;

const loaders: { [K in RuleKind]: (db: DbOrTrx, id: number) => Promise<Rules[K]> } = {
  trigger: loadTrigger,
  automation: loadAutomation,
};

/** After a rule was created (no `before`) or changed: a new revision, the rule read back, the audit entry. */
export async function recordRuleWrite<K extends RuleKind>(
  trx: DbOrTrx,
  ctx: RequestContext,
  kind: K,
  id: number,
  before?: Rules[K],
): Promise<Rules[K]> {
  await repo.bumpRevision(trx, tables[kind]);
  const after = await loaders[kind](trx, id);
  await recordAudit(trx, ctx, {
    action: (before
      ? ({ trigger: 'trigger.updated', automation: 'automation.updated' } as const)
      : ({ trigger: 'trigger.created', automation: 'automation.created' } as const))[kind],
    entityType: kind,
    entityId: id,
    ...(before ? { before: audited(before) } : {}),
    after: audited(after),
  });
  return after;
}

/** After a rule was deleted: a new revision and the audit entry. */
export async function recordRuleRemoval(
  trx: DbOrTrx,
  ctx: RequestContext,
  kind: RuleKind,
  id: number,
  name: string,
) {
  await repo.bumpRevision(trx, tables[kind]);
  await recordAudit(trx, ctx, {
    action: ({ trigger: 'trigger.deleted', automation: 'automation.deleted' } as const)[kind],
    entityType: kind,
    entityId: id,
    before: { name },
  });
}
