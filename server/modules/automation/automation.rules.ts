import {
  type Action,
  type Condition,
  type Conditions,
  describeAction,
  type Names,
  type SlaState,
  type TimeField,
  type TriggerWhen,
  timeFields,
} from '../../../contracts/automation';
import { slaTone } from '../../../contracts/sla-summary';
import { canTransition } from '../../../contracts/ticket-rules';
import type { Ticket, TicketStatus, UpdateTicketBody } from '../../../contracts/tickets';

// The pure part of triggers and automations: conditions compiled once into tests over a
// ticket's facts, the changes a rule's actions would make, and the period an automation acts in.

/** One event of the change being looked at (ticket events: status_changed, assigned, …). */
export interface ChangeEvent {
  type: string;
  from?: string | number | null;
  to?: string | number | null;
}

/** What a rule reads of a ticket; the pieces a rule does not need may be left out. */
export interface TicketFacts {
  ticket: Ticket;
  /** The change being looked at (triggers); empty for automations. */
  events: readonly ChangeEvent[];
  now: number;
  /** The mailbox an email ticket came in through. */
  mailboxId?: number | null;
  /** The plan of the organisation's active contract, or null. */
  contractPlan?: string | null;
  /** The customer's latest message. */
  body?: string;
  /** Whether the ticket's business calendar is open now. */
  openNow?: boolean;
  /** When the ticket last became pending. */
  pendingSince?: string | null;
  /** Open milliseconds between an instant and now, on the ticket's calendar. */
  openMsSince?: (from: number) => number;
}

/** The pieces of facts that need a read beyond the ticket itself. */
export type Need = 'mailbox' | 'contract' | 'body' | 'hours' | 'pending' | 'calendar';

/** Which event type records a change of each field. */
const changeEvents: Record<string, string> = {
  status: 'status_changed',
  priority: 'priority_changed',
  type: 'type_changed',
  team: 'team_changed',
  assignee: 'assigned',
  category: 'category_changed',
};

const lower = (v: unknown) => String(v).toLowerCase();

function currentValue(field: Condition['field'], f: TicketFacts): string | number | null {
  const t = f.ticket;
  switch (field) {
    case 'status':
    case 'priority':
    case 'type':
    case 'channel':
      return t[field];
    case 'team':
      return t.team?.id ?? null;
    case 'assignee':
      return t.assignee?.id ?? null;
    case 'category':
      return t.category?.id ?? null;
    case 'organization':
      return t.organization?.id ?? null;
    case 'requester':
      return t.requester.id;
    case 'mailbox':
      return f.mailboxId ?? null;
    case 'contract_plan':
      return f.contractPlan ?? null;
    case 'sla':
      return slaStateOf(t, f.now);
    default:
      return null;
  }
}

/** The ticket's service level at a moment: no clock, a clock running, past its warning, breached. */
export function slaStateOf(ticket: Pick<Ticket, 'sla'>, now: number): SlaState {
  if (!ticket.sla) return 'none';
  const tone = slaTone(ticket.sla, now);
  return tone === 'breached' ? 'breached' : tone === 'warning' ? 'warning' : 'running';
}

const same = (a: unknown, b: unknown) => (a === null || b === null ? a === b : lower(a) === lower(b));

/** The base instant of a time condition, or null when the ticket has none (never pending, …). */
export function timeBase(field: TimeField, f: TicketFacts): string | null {
  const t = f.ticket;
  switch (field) {
    case 'hours_since_created':
      return t.createdAt;
    case 'hours_since_updated':
      return t.updatedAt;
    case 'hours_since_pending':
      return t.status === 'pending' ? (f.pendingSince ?? null) : null;
    case 'hours_since_customer_message':
      return t.lastCustomerMessageAt;
    case 'hours_since_solved':
      return t.status === 'solved' ? t.solvedAt : null;
  }
}

const HOUR = 3_600_000;
const isTime = (field: string): field is TimeField => (timeFields as readonly string[]).includes(field);

type Test = (f: TicketFacts) => boolean;

/**
 * A condition as a test. Text is compared in lower case; `matches` uses the expression given,
 * which the service has already found linear (recheck) before saving it.
 */
export function compileCondition(c: Condition): { test: Test; needs: Need[] } {
  const needs: Need[] = [];
  if (c.field === 'mailbox') needs.push('mailbox');
  if (c.field === 'contract_plan') needs.push('contract');
  if (c.field === 'body' || c.field === 'text') needs.push('body');
  if (c.field === 'business_hours') needs.push('hours');
  if (c.field === 'hours_since_pending') needs.push('pending');
  if (isTime(c.field) && c.businessHours) needs.push('calendar');
  return { test: conditionTest(c), needs };
}

function textOf(field: 'subject' | 'body' | 'text', f: TicketFacts): string {
  if (field === 'subject') return f.ticket.subject;
  if (field === 'body') return f.body ?? '';
  return `${f.ticket.subject}\n${f.body ?? ''}`;
}

function conditionTest(c: Condition): Test {
  const field = c.field;
  if (isTime(field)) {
    const limit = Number(c.value) * HOUR;
    return (f) => {
      const base = timeBase(field, f);
      if (base === null) return false;
      const from = Date.parse(base);
      const elapsed = c.businessHours && f.openMsSince ? f.openMsSince(from) : f.now - from;
      return c.operator === 'at_least' ? elapsed >= limit : elapsed < limit;
    };
  }
  if (field === 'business_hours')
    return (f) => (c.operator === 'within' ? f.openNow === true : f.openNow === false);
  if (field === 'subject' || field === 'body' || field === 'text') {
    if (c.operator === 'matches') {
      const pattern = new RegExp(String(c.value), 'i');
      return (f) => pattern.test(textOf(field, f));
    }
    const needle = lower(c.value);
    const has = (f: TicketFacts) => textOf(field, f).toLowerCase().includes(needle);
    return c.operator === 'contains' ? has : (f) => !has(f);
  }
  if (field === 'tags') {
    const tag = lower(c.value);
    const has = (f: TicketFacts) => f.ticket.tags.includes(tag);
    return c.operator === 'not_contains' ? (f) => !has(f) : has;
  }
  if (field === 'custom_field') {
    const key = c.key ?? '';
    const fieldValue = (f: TicketFacts) => f.ticket.customFields[key] ?? null;
    const set = (f: TicketFacts) => {
      const v = fieldValue(f);
      return v !== null && v !== '' && v !== false;
    };
    switch (c.operator) {
      case 'is_set':
        return set;
      case 'not_set':
        return (f) => !set(f);
      case 'contains': {
        const needle = lower(c.value);
        return (f) => lower(fieldValue(f) ?? '').includes(needle);
      }
      case 'is_not':
        return (f) => !same(fieldValue(f), c.value);
      default:
        return (f) => same(fieldValue(f), c.value);
    }
  }
  if (c.operator === 'changed' || c.operator === 'changed_to' || c.operator === 'changed_from') {
    const type = changeEvents[field];
    const side = c.operator === 'changed_from' ? 'from' : 'to';
    return (f) =>
      f.events.some(
        (e) =>
          e.type === type &&
          (c.operator === 'changed' || same(e[side] === undefined ? null : e[side], c.value)),
      );
  }
  const values = Array.isArray(c.value) ? c.value : [c.value];
  const matches = (f: TicketFacts) => {
    const current = currentValue(field, f);
    return values.some((v) => same(current, v));
  };
  return c.operator === 'is_not' ? (f) => !matches(f) : matches;
}

export interface CompiledConditions {
  test: Test;
  needs: ReadonlySet<Need>;
}

/** All of `all` and, when `any` has conditions, one of them. */
export function compileConditions(conditions: Conditions): CompiledConditions {
  const all = conditions.all.map(compileCondition);
  const any = conditions.any.map(compileCondition);
  const needs = new Set([...all, ...any].flatMap((c) => c.needs));
  const allTests = all.map((c) => c.test);
  const anyTests = any.map((c) => c.test);
  return {
    needs,
    test: (f) => allTests.every((t) => t(f)) && (anyTests.length === 0 || anyTests.some((t) => t(f))),
  };
}

/** Whether a trigger runs on a change: created (the change opened the ticket) or updated. */
export function runsOn(when: TriggerWhen, created: boolean): boolean {
  return when === 'both' || (when === 'create') === created;
}

/** What a rule's actions do to a ticket: one field change, and the actions with effects besides. */
export interface Plan {
  update: UpdateTicketBody;
  /** Actions that are not field changes (route, notify, mail, escalate, note). */
  effects: Action[];
  /** Each action that changes something, in words. */
  changes: string[];
}

const fieldKeys = { team: 'teamId', assignee: 'assigneeId', category: 'categoryId' } as const;

/**
 * The changes a rule's actions make to this ticket: an action that would change nothing
 * (priority already high, tag already there) is left out, so a rule that fired says only what it
 * did. The dry run shows these words; firing records the same words in the ticket's history.
 */
export function planActions(ticket: Ticket, actions: readonly Action[], names: Names = {}): Plan {
  const update: UpdateTicketBody = {};
  const effects: Action[] = [];
  const changes: string[] = [];
  let tags = [...ticket.tags];
  let status: TicketStatus = ticket.status;
  const customFields: Record<string, string | number | boolean | null> = {};
  for (const action of actions) {
    switch (action.type) {
      case 'set': {
        if (action.field === 'status') {
          const to = action.value as TicketStatus;
          if (to === status || !canTransition(status, to)) break;
          update.status = status = to;
        } else if (action.field === 'priority' || action.field === 'type') {
          if (ticket[action.field] === action.value && update[action.field] === undefined) break;
          (update as Record<string, unknown>)[action.field] = action.value;
        } else {
          const current =
            action.field === 'team'
              ? (ticket.team?.id ?? null)
              : action.field === 'assignee'
                ? (ticket.assignee?.id ?? null)
                : (ticket.category?.id ?? null);
          const key = fieldKeys[action.field];
          if (current === action.value && update[key] === undefined) break;
          update[key] = action.value as number | null;
        }
        changes.push(describeAction(action, names));
        break;
      }
      case 'set_custom_field':
        if ((ticket.customFields[action.key] ?? null) === action.value) break;
        customFields[action.key] = action.value;
        changes.push(describeAction(action, names));
        break;
      case 'add_tags': {
        const added = action.tags.filter((t) => !tags.includes(t));
        if (added.length === 0) break;
        tags = [...tags, ...added];
        changes.push(describeAction({ ...action, tags: added }, names));
        break;
      }
      case 'remove_tags': {
        const removed = action.tags.filter((t) => tags.includes(t));
        if (removed.length === 0) break;
        tags = tags.filter((t) => !removed.includes(t));
        changes.push(describeAction({ ...action, tags: removed }, names));
        break;
      }
      default:
        effects.push(action);
        changes.push(describeAction(action, names));
    }
  }
  if (Object.keys(customFields).length > 0) update.customFields = customFields;
  if (tags.join('\n') !== ticket.tags.join('\n')) update.tags = tags;
  return { update, effects, changes };
}

/**
 * The period an automation acts in for a ticket: the base instants of its time conditions
 * (a new pending stretch, a new customer message start a new period). A rule without time
 * conditions acts once per ticket.
 */
export function periodKey(conditions: Conditions, f: TicketFacts): string {
  const bases = [...conditions.all, ...conditions.any]
    .filter((c) => isTime(c.field))
    .map((c) => timeBase(c.field as TimeField, f) ?? '-');
  const key = bases.length === 0 ? 'once' : [...new Set(bases)].join('|');
  return key.length <= 40 ? key : key.slice(0, 40);
}

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!<>|~]/g;

/** A value put into Markdown as plain text: every character Markdown or HTML reads is escaped. */
export function escapeMarkdown(value: string): string {
  return value.replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

const PLACEHOLDER = /\{\{\s{0,3}([a-z]{1,10}\.[a-z]{1,10})\s{0,3}\}\}/g;

/** Fills `{{ticket.id}}`, `{{customer.name}}`, … in a rule's text, each value escaped for Markdown. */
export function fillPlaceholders(text: string, ticket: Ticket): string {
  const values: Record<string, string> = {
    'ticket.id': String(ticket.id),
    'ticket.subject': ticket.subject,
    'ticket.status': ticket.status.replace('_', ' '),
    'ticket.priority': ticket.priority,
    'customer.name': ticket.requester.name,
    'customer.email': ticket.requester.email ?? '',
  };
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : escapeMarkdown(value);
  });
}

/** The placeholders a rule's text may use. */
export const placeholderNames = [
  'ticket.id',
  'ticket.subject',
  'ticket.status',
  'ticket.priority',
  'customer.name',
  'customer.email',
];
