import type { AuditEntityType, Changes, EntityRef } from '../../../contracts/audit-wording';
import { isAuditEntityType } from '../../../contracts/audit-wording';
import { templateLabels } from '../../../contracts/mail';
import type { DbOrTrx } from '../../db/database';
import type { AuditRow } from '../../db/schema';
import { parseObject } from '../../platform/json';
import { customerNames, organizationNames } from '../customers';
import { teamNames } from '../teams';
import { ticketSubjects } from '../tickets';
import { userNames } from '../users';
import { auditRepository as repo } from './audit.repository';

type NameLookup = (db: DbOrTrx, ids: number[]) => Promise<{ id: number; name: string }[]>;

/** Things whose current names their own modules give (the rest are named from the log itself). */
const lookups: Partial<Record<AuditEntityType, NameLookup>> = {
  user: userNames,
  team: teamNames,
  customer: customerNames,
  organization: organizationNames,
  ticket: async (db, ids) => (await ticketSubjects(db, ids)).map((t) => ({ id: t.id, name: t.subject })),
};

/** Names that never change. */
const fixedNames: Partial<Record<AuditEntityType, (id: string) => string>> = {
  settings: (id) =>
    id === 'tickets' ? 'ticket settings' : id === 'mail' ? 'mail settings' : `${id} settings`,
  mail_template: (id) => (id in templateLabels ? templateLabels[id as keyof typeof templateLabels] : id),
  session: () => 'a session',
};

/** The fields of a recorded snapshot that name the thing, in order of preference. */
const NAME_FIELDS = ['name', 'label', 'subject', 'address', 'pattern'];

/** The name a recorded change carries, if any. */
export function nameIn(changes: Changes): string | null {
  for (const field of NAME_FIELDS) {
    const change = changes[field];
    const value = change?.after ?? change?.before;
    if (typeof value === 'string' && value.trim()) return value;
  }
  return null;
}

const key = (type: string, id: string) => `${type}:${id}`;
const numericIds = (ids: string[]) => ids.filter((id) => /^\d+$/.test(id)).map(Number);

/** The name of a thing as the page shows it: tickets with their number. */
function display(type: AuditEntityType, id: string, name: string | null): string {
  if (type === 'ticket') return name ? `#${id} ${name}` : `#${id}`;
  return name ?? `#${id}`;
}

/**
 * Names the things a batch of entries is about: their own module's name where it has one
 * (the current name, or gone when deleted), else the name the log last recorded for it,
 * else a number. One query per kind of thing, not per entry.
 */
export async function nameEntities(db: DbOrTrx, rows: AuditRow[]): Promise<(row: AuditRow) => EntityRef> {
  const wanted = new Map<AuditEntityType, Set<string>>();
  for (const row of rows) {
    if (row.entity_id === null || !isAuditEntityType(row.entity_type)) continue;
    if (fixedNames[row.entity_type]) continue;
    const set = wanted.get(row.entity_type) ?? new Set<string>();
    set.add(row.entity_id);
    wanted.set(row.entity_type, set);
  }

  const current = new Map<string, string>();
  const checked = new Set<string>();
  const fromLog = new Map<string, { name: string | null; deleted: boolean }>();
  for (const [type, idSet] of wanted) {
    const ids = [...idSet];
    const lookup = lookups[type];
    if (lookup) {
      for (const found of await lookup(db, numericIds(ids)))
        current.set(key(type, String(found.id)), found.name);
      for (const id of ids) checked.add(key(type, id));
    }
    const unnamed = ids.filter((id) => !current.has(key(type, id)));
    if (!unnamed.length) continue;
    for (const entry of await repo.historyOf(db, type, unnamed)) {
      const k = key(type, entry.entity_id);
      const known = fromLog.get(k) ?? { name: null, deleted: false };
      known.name ??= nameIn(parseObject(entry.changes) as Changes);
      known.deleted ||= entry.action.endsWith('.deleted');
      fromLog.set(k, known);
    }
  }

  return (row) => {
    const id = row.entity_id;
    if (!isAuditEntityType(row.entity_type))
      return { type: null, id, name: id ? `#${id}` : '', exists: false };
    const type = row.entity_type;
    if (id === null) return { type, id, name: '', exists: false };
    const fixed = fixedNames[type];
    if (fixed) return { type, id, name: fixed(id), exists: type !== 'session' };
    const k = key(type, id);
    const now = current.get(k);
    if (now !== undefined) return { type, id, name: display(type, id, now), exists: true };
    const logged = fromLog.get(k);
    const own = nameIn(parseObject(row.changes) as Changes);
    return {
      type,
      id,
      name: display(type, id, own ?? logged?.name ?? null),
      exists: !checked.has(k) && !logged?.deleted,
    };
  };
}
