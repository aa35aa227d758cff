import {
  type Action,
  actionSchema,
  type Conditions,
  conditionsSchema,
  type Names,
  type TriggerWhen,
} from '../../../contracts/automation';
import type { DbOrTrx } from '../../db/database';
import { tablesStamp } from '../../db/stamps';
import { teamNames } from '../teams';
import { userNames } from '../users';
import { type AutomationRow, automationRepository as repo, type TriggerRow } from './automation.repository';
import { type CompiledConditions, compileConditions, type Need } from './automation.rules';

// Rules as stored (JSON) read back, and the active triggers compiled once per revision (every
// ticket write runs them, so they are not parsed or compiled again while nothing changed).

const actionList = actionSchema.array();

export function parseConditions(json: string): Conditions {
  return conditionsSchema.parse(JSON.parse(json));
}
export function parseActions(json: string): Action[] {
  return actionList.parse(JSON.parse(json));
}

/** Names of the teams and people rules point at, for their words. */
export async function namesFor(db: DbOrTrx, rules: { conditions: Conditions; actions: readonly Action[] }[]) {
  const teams = new Set<number>();
  const users = new Set<number>();
  for (const rule of rules) {
    for (const c of [...rule.conditions.all, ...rule.conditions.any]) {
      const ids = (Array.isArray(c.value) ? c.value : [c.value]).filter(
        (v): v is number => typeof v === 'number',
      );
      if (c.field === 'team') for (const id of ids) teams.add(id);
      if (c.field === 'assignee' || c.field === 'requester') for (const id of ids) users.add(id);
    }
    for (const a of rule.actions) {
      if (a.type === 'set' && a.field === 'team' && typeof a.value === 'number') teams.add(a.value);
      if (a.type === 'set' && a.field === 'assignee' && typeof a.value === 'number') users.add(a.value);
      if (a.type === 'route') teams.add(a.teamId);
      if (a.type === 'notify' && a.teamId) teams.add(a.teamId);
      if (a.type === 'notify' && a.userId) users.add(a.userId);
    }
  }
  const [teamRows, userRows] = await Promise.all([teamNames(db, [...teams]), userNames(db, [...users])]);
  return {
    teams: new Map(teamRows.map((t) => [t.id, t.name])),
    users: new Map(userRows.map((u) => [u.id, u.name])),
  } satisfies Names;
}

export interface CompiledRule {
  id: number;
  name: string;
  conditions: Conditions;
  compiled: CompiledConditions;
  actions: Action[];
  names: Names;
}
export interface CompiledTrigger extends CompiledRule {
  when: TriggerWhen;
}

/** Compiles rules (a draft, or rows read back) with the names their words use. */
export async function compileRules<
  R extends { id: number; name: string; conditions: Conditions; actions: Action[] },
>(db: DbOrTrx, rules: R[]): Promise<(R & CompiledRule)[]> {
  const names = await namesFor(db, rules);
  return rules.map((r) => ({ ...r, compiled: compileConditions(r.conditions), names }));
}

export const triggerOf = (row: TriggerRow) => ({
  id: row.id,
  name: row.name,
  when: row.run_on as TriggerWhen,
  conditions: parseConditions(row.conditions),
  actions: parseActions(row.actions),
});

export const automationOf = (row: AutomationRow) => ({
  id: row.id,
  name: row.name,
  kind: row.kind === 'auto_close' ? ('auto_close' as const) : ('custom' as const),
  conditions: parseConditions(row.conditions),
  actions: parseActions(row.actions),
});

export interface ActiveTriggers {
  triggers: CompiledTrigger[];
  needs: ReadonlySet<Need>;
}

async function compileActive(db: DbOrTrx): Promise<ActiveTriggers> {
  const rows = (await repo.triggers.list(db)).filter((r) => r.active === 1);
  const triggers = await compileRules(db, rows.map(triggerOf));
  return { triggers, needs: new Set(triggers.flatMap((t) => [...t.compiled.needs])) };
}

/**
 * The triggers' revision as last read, with the stamp of the revisions table it was read under
 * (ADR 0029; a stamp names its database): while that stamp holds, even inside a transaction,
 * the revision is not read again.
 */
let revisionSeen: { stamp: string; revision: number } | null = null;

async function triggersRevision(db: DbOrTrx): Promise<number | null> {
  const stamp = await tablesStamp(db, ['automation_revisions'], { withinTransactions: true });
  if (stamp !== null && revisionSeen?.stamp === stamp) return revisionSeen.revision;
  const revision = await repo.revision(db, 'triggers');
  if (stamp !== null && revision !== null) revisionSeen = { stamp, revision };
  return revision;
}

/** Compiled active triggers by revision; a few, for a process that serves several databases (tests). */
const kept = new Map<number, Promise<ActiveTriggers>>();

/**
 * The active triggers in order, compiled once per revision: on SQLite no read while the
 * revisions table is unchanged (ADR 0029), on PostgreSQL one read of the revision per ticket
 * change, since other nodes change rules unseen.
 */
export async function activeTriggers(db: DbOrTrx): Promise<ActiveTriggers> {
  const revision = await triggersRevision(db);
  if (revision === null) return compileActive(db);
  const hit = kept.get(revision);
  if (hit) return hit;
  const loading = compileActive(db);
  if (kept.size >= 8) kept.clear();
  kept.set(revision, loading);
  try {
    return await loading;
  } catch (error) {
    kept.delete(revision);
    throw error;
  }
}
