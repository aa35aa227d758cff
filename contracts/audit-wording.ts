/**
 * The words of the audit log: how a recorded change reads as a sentence ("changed priority
 * from normal to high on #12 Printer jam"). The table of actions in `audit-actions.ts` builds
 * each sentence from these pieces; the server fills in names, the web app draws the links.
 */

/** The kinds of things the audit log records changes to. */
export const auditEntityTypes = [
  'user',
  'session',
  'team',
  'api_token',
  'ticket',
  'customer',
  'organization',
  'view',
  'category',
  'custom_field',
  'settings',
  'mailbox',
  'mail_template',
  'mail_rule',
  'inbound_mail',
  'job_failure',
  'business_calendar',
  'sla_policy',
  'contract',
  'survey_reason',
  'nps_campaign',
  'feedback_theme',
  'theme_rule',
  'follow_up',
  'macro',
  'trigger',
  'automation',
  'goal',
  'report_share',
  'report_schedule',
  'testimonial',
  'referral',
] as const;
export type AuditEntityType = (typeof auditEntityTypes)[number];

export const auditEntityLabels: Record<AuditEntityType, string> = {
  user: 'User',
  session: 'Session',
  team: 'Team',
  api_token: 'API token',
  ticket: 'Ticket',
  customer: 'Customer',
  organization: 'Organisation',
  view: 'View',
  category: 'Category',
  custom_field: 'Custom field',
  settings: 'Settings',
  mailbox: 'Mailbox',
  mail_template: 'Mail template',
  mail_rule: 'Spam rule',
  inbound_mail: 'Received mail',
  job_failure: 'Failed job',
  business_calendar: 'Business hours',
  sla_policy: 'Service-level policy',
  contract: 'Contract',
  survey_reason: 'Survey reason',
  nps_campaign: 'NPS campaign',
  feedback_theme: 'Feedback theme',
  theme_rule: 'Theme rule',
  follow_up: 'Follow-up',
  macro: 'Macro',
  trigger: 'Trigger',
  automation: 'Automation',
  goal: 'Goal',
  report_share: 'Report share link',
  report_schedule: 'Scheduled report',
  testimonial: 'Testimonial',
  referral: 'Referral',
};

export const isAuditEntityType = (value: string): value is AuditEntityType =>
  (auditEntityTypes as readonly string[]).includes(value);

export type Changes = Record<string, { before: unknown; after: unknown }>;

/** What an entry is about, by the name it has now (or last had in the log). */
export interface EntityRef {
  /** Null for a kind of thing this version does not know (an entry written by another). */
  type: AuditEntityType | null;
  id: string | null;
  name: string;
  /** False once it is known to be gone (deleted): its name is then not a link. */
  exists: boolean;
}

/** A piece of a sentence: words, or the name of something, a link when it still exists. */
export interface Segment {
  text: string;
  entity?: { type: AuditEntityType; id: string };
}

export interface PhraseInput {
  changes: Changes;
  entity: EntityRef;
}

/** What phrases are built from: words, linked names, and lists of both. */
export type Part = string | Segment | null | undefined | false | Part[];

/** Flattens parts into segments, plain words run together. */
export function words(...parts: Part[]): Segment[] {
  const out: Segment[] = [];
  const push = (part: Part) => {
    if (part === null || part === undefined || part === false || part === '') return;
    if (Array.isArray(part)) {
      for (const p of part) push(p);
      return;
    }
    const segment = typeof part === 'string' ? { text: part } : part;
    const last = out[out.length - 1];
    if (last && !last.entity && !segment.entity) last.text += segment.text;
    else out.push({ ...segment });
  };
  for (const part of parts) push(part);
  return out;
}

/** The whole sentence as plain text (CSV, titles, tests). */
export const sentenceText = (segments: readonly Segment[]): string => segments.map((s) => s.text).join('');

/** The name of what an entry is about: a link while it exists. */
export function ref(entity: EntityRef): Segment {
  return entity.type !== null && entity.id !== null && entity.exists
    ? { text: entity.name, entity: { type: entity.type, id: entity.id } }
    : { text: entity.name };
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: Part[]): Part[] {
  if (items.length <= 1) return items;
  const head = items.slice(0, -1).flatMap((item, i) => (i === 0 ? [item] : [', ', item]));
  return [...head, ' and ', items[items.length - 1]];
}

/** "team Billing" or "teams Billing and Sales". */
export const counted = (noun: string, items: string[]): Part[] => [
  items.length === 1 ? `${noun} ` : `${noun}s `,
  listOf(items),
];

const fieldLabels: Record<string, string> = {
  dueAt: 'due date',
  mailOnReply: 'mail on a reply',
  mailOnSolved: 'mail when solved',
  customFields: 'custom fields',
  twoFactorEnabled: 'two-factor sign-in',
  autoCloseDays: 'days before solved tickets close',
  assignOnReply: 'assigning tickets on reply',
  senderLimitPerHour: 'replies per sender per hour',
  displayName: 'display name',
  isDefault: 'default mailbox',
  defaultTeam: 'default team',
  defaultCategory: 'default category',
  inboundMethod: 'receiving method',
  imap: 'IMAP settings',
  autoAck: 'automatic acknowledgement',
  parentId: 'parent category',
  ticketTypes: 'ticket types',
  revokedAt: 'revoked',
  failedLogins: 'failed sign-ins',
  lead: 'team lead',
};

/** How a recorded field reads: "due date", "two-factor sign-in"; unknown ones from their key. */
export function fieldLabel(key: string): string {
  return (
    fieldLabels[key] ??
    key
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/_/g, ' ')
      .toLowerCase()
  );
}

const REDACTED = '[redacted]';
/** Values longer than this are named ("changed body") rather than quoted. */
const SHORT = 60;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function isoWords(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  const time = `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${time} UTC`;
}

export const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** A value as words, or null when it is too long or too structured to quote in a sentence. */
export function valueWords(value: unknown): string | null {
  if (isEmpty(value)) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (value.length > SHORT || value.includes('\n')) return null;
    if (ISO.test(value)) return isoWords(value);
    return /^[a-z]+(_[a-z]+)+$/.test(value) ? value.replace(/_/g, ' ') : value;
  }
  if (Array.isArray(value)) {
    const items = value.map(valueWords);
    if (items.some((i) => i === null)) return null;
    const joined = items.join(', ');
    return joined.length > SHORT ? null : joined;
  }
  if (typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string')
    return valueWords(value.name);
  return null;
}

/** Words of a list value: its items as text. */
function itemsOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((v) => valueWords(v) ?? JSON.stringify(v));
}

/** Items in `after` and not in `before`, and the other way round. */
export function listDiff(before: unknown, after: unknown): { added: string[]; removed: string[] } {
  const b = itemsOf(before);
  const a = itemsOf(after);
  return { added: a.filter((x) => !b.includes(x)), removed: b.filter((x) => !a.includes(x)) };
}

const isList = (change: { before: unknown; after: unknown }) =>
  (Array.isArray(change.before) || change.before === null) &&
  (Array.isArray(change.after) || change.after === null) &&
  (Array.isArray(change.before) || Array.isArray(change.after));

/** One field's change as a clause: "changed priority from normal to high", "added vip to tags". */
export function fieldClause(key: string, change: { before: unknown; after: unknown }): Part[] {
  const label = fieldLabel(key);
  if (change.before === REDACTED || change.after === REDACTED) return [`changed ${label}`];
  if (isList(change)) {
    const { added, removed } = listDiff(change.before, change.after);
    const clauses: Part[] = [];
    if (added.length) clauses.push(['added ', listOf(added), ` to ${label}`]);
    if (removed.length) clauses.push(['removed ', listOf(removed), ` from ${label}`]);
    if (clauses.length) return listOf(clauses);
  }
  const before = valueWords(change.before);
  const after = valueWords(change.after);
  if (before === null || after === null) return [`changed ${label}`];
  if (isEmpty(change.before)) return [`set ${label} to ${after}`];
  if (isEmpty(change.after)) return [`cleared ${label} (was ${before})`];
  return [`changed ${label} from ${before} to ${after}`];
}

/** The thing a sentence is about: its noun ("team ") and its linked name. */
export interface Target {
  noun: string;
  name: Segment;
}

/** A sentence of its own for some fields, whatever the entity: renames, on/off switches. */
export type SpecialField = (change: { before: unknown; after: unknown }, target: Target) => Part[] | null;

/** A rename: "renamed team Support to Billing", the new name linked. */
const renamed: SpecialField = (c, t) => {
  if (typeof c.before !== 'string' || typeof c.after !== 'string' || !c.before || !c.after) return null;
  return ['renamed ', t.noun, clip(c.before), ' to ', { ...t.name, text: clip(c.after) }];
};

const commonFields: Record<string, SpecialField> = {
  name: renamed,
  label: renamed,
  archived: (c, t) => [c.after ? 'archived ' : 'restored ', t.noun, t.name],
  enabled: (c, t) => [c.after ? 'turned on ' : 'turned off ', t.noun, t.name],
};

export interface UpdateOptions {
  /** How the thing is named in the sentence: "team " + the linked name. */
  noun?: string;
  /** The word before it after plain field changes: "on", "for", "of", "in"; null leaves it out. */
  prep?: string | null;
  /** Fields with a sentence of their own for this kind of thing. */
  special?: Record<string, SpecialField>;
  /** Fields left out of the sentence. */
  skip?: string[];
  /** False: no field has a sentence of its own (keys of a nested object). */
  common?: boolean;
}

/**
 * A change to something as one sentence: fields with a sentence of their own first, then the
 * plain field changes joined ("changed priority from normal to high and set assignee to Rosa on
 * #12 Printer jam"); "saved … with no changes" when nothing differs.
 */
export function updateSentence(input: PhraseInput, options: UpdateOptions = {}): Part[] {
  const { noun = '', prep = 'of', special = {}, skip = [], common = true } = options;
  const t: Target = { noun, name: ref(input.entity) };
  const target: Part = [noun, t.name];
  const sentences: Part[] = [];
  const clauses: Part[] = [];
  for (const [key, change] of Object.entries(input.changes)) {
    if (skip.includes(key)) continue;
    const handler = special[key] ?? (common ? commonFields[key] : undefined);
    const own = handler ? handler(change, t) : null;
    if (own) sentences.push(own);
    else clauses.push(fieldClause(key, change));
  }
  if (clauses.length) sentences.push([listOf(clauses), prep === null ? '' : [` ${prep} `, target]]);
  if (!sentences.length) return ['saved ', target, ' with no changes'];
  return sentences.flatMap((s, i) => (i === 0 ? [s] : ['; ', s]));
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Changes inside an object field (a ticket's custom fields), each key as a field of its own. */
export function nestedChanges(change: { before: unknown; after: unknown }): Changes | null {
  const before = change.before ?? {};
  const after = change.after ?? {};
  if (!isRecord(before) || !isRecord(after)) return null;
  const changes: Changes = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null))
      changes[key] = { before: before[key] ?? null, after: after[key] ?? null };
  }
  return changes;
}

/** The recorded value of a field after the change (or before it, for deletions). */
export function recorded(changes: Changes, key: string): unknown {
  const change = changes[key];
  if (!change) return undefined;
  return change.after ?? change.before;
}

/** A recorded value as text, when it is one. */
export function recordedText(changes: Changes, key: string): string | null {
  const value = recorded(changes, key);
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A recorded number, when it is one. */
export function recordedNumber(changes: Changes, key: string, side: 'before' | 'after'): number | null {
  const value = changes[key]?.[side];
  return typeof value === 'number' ? value : null;
}

/** "a" or "an" before a word. */
export const withArticle = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;

/** Text cut to a length, with an ellipsis when cut. */
export function clip(text: string, max = SHORT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
