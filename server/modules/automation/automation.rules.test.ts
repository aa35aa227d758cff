import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Condition,
  type ConditionInput,
  conditionSchema,
  describeTrigger,
} from '../../../contracts/automation';
import type { Ticket } from '../../../contracts/tickets';
import {
  compileConditions,
  escapeMarkdown,
  fillPlaceholders,
  periodKey,
  planActions,
  runsOn,
  slaStateOf,
  type TicketFacts,
} from './automation.rules';

const NOW = Date.parse('2026-12-07T12:00:00Z');
const HOUR = 3_600_000;

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  return {
    id: 7,
    subject: 'Parcel arrived broken',
    requester: { id: 3, name: 'Ana Ruiz', email: 'ana@example.com' },
    organization: { id: 9, name: 'Acme' },
    channel: 'email',
    type: 'complaint',
    priority: 'normal',
    status: 'open',
    category: null,
    tags: ['vip'],
    assignee: null,
    team: { id: 2, name: 'Support' },
    dueAt: null,
    escalation: null,
    customFields: { order_no: 'A-100', rush: true },
    version: 1,
    firstReplyAt: null,
    solvedAt: null,
    closedAt: null,
    lastMessageAt: null,
    lastCustomerMessageAt: new Date(NOW - 5 * HOUR).toISOString(),
    waitingSince: null,
    mergedIntoId: null,
    followUpOfId: null,
    messageCount: 1,
    sla: null,
    createdAt: new Date(NOW - 10 * HOUR).toISOString(),
    updatedAt: new Date(NOW - 2 * HOUR).toISOString(),
    ...overrides,
  };
}

const facts = (t: Ticket, extra: Partial<TicketFacts> = {}): TicketFacts => ({
  ticket: t,
  events: [],
  now: NOW,
  body: 'Hello, I want a refund for order A-100',
  openNow: true,
  contractPlan: 'Premium',
  mailboxId: 4,
  ...extra,
});

const cond = (c: ConditionInput): Condition => conditionSchema.parse(c);
const holds = (c: ConditionInput, f: TicketFacts) => compileConditions({ all: [cond(c)], any: [] }).test(f);

describe('conditions', () => {
  const f = facts(ticket());

  it('read the ticket fields, references and lists', () => {
    expect(holds({ field: 'type', operator: 'is', value: 'complaint' }, f)).toBe(true);
    expect(holds({ field: 'priority', operator: 'one_of', value: ['high', 'urgent'] }, f)).toBe(false);
    expect(holds({ field: 'team', operator: 'is', value: 2 }, f)).toBe(true);
    expect(holds({ field: 'assignee', operator: 'is', value: null }, f)).toBe(true);
    expect(holds({ field: 'organization', operator: 'is_not', value: 9 }, f)).toBe(false);
    expect(holds({ field: 'tags', operator: 'contains', value: 'VIP' }, f)).toBe(true);
    expect(holds({ field: 'mailbox', operator: 'is', value: 4 }, f)).toBe(true);
    expect(holds({ field: 'contract_plan', operator: 'is', value: 'premium' }, f)).toBe(true);
    expect(holds({ field: 'channel', operator: 'is', value: 'web' }, f)).toBe(false);
  });

  it('read custom fields', () => {
    expect(holds({ field: 'custom_field', key: 'order_no', operator: 'contains', value: 'a-1' }, f)).toBe(
      true,
    );
    expect(holds({ field: 'custom_field', key: 'rush', operator: 'is_set' }, f)).toBe(true);
    expect(holds({ field: 'custom_field', key: 'missing', operator: 'not_set' }, f)).toBe(true);
  });

  it('read text by words or a pattern, in any case', () => {
    expect(holds({ field: 'body', operator: 'contains', value: 'REFUND' }, f)).toBe(true);
    expect(holds({ field: 'subject', operator: 'not_contains', value: 'broken' }, f)).toBe(false);
    expect(holds({ field: 'text', operator: 'matches', value: 'order [a-z]-\\d+' }, f)).toBe(true);
  });

  it('read previous values from the events of the change', () => {
    const changed = facts(ticket({ priority: 'urgent' }), {
      events: [{ type: 'priority_changed', from: 'normal', to: 'urgent' }],
    });
    expect(holds({ field: 'priority', operator: 'changed_to', value: 'urgent' }, changed)).toBe(true);
    expect(holds({ field: 'priority', operator: 'changed_from', value: 'normal' }, changed)).toBe(true);
    expect(holds({ field: 'priority', operator: 'changed_from', value: 'high' }, changed)).toBe(false);
    expect(holds({ field: 'status', operator: 'changed' }, changed)).toBe(false);
    // The same ticket without a change of priority in this change: no match.
    expect(
      holds(
        { field: 'priority', operator: 'changed_to', value: 'urgent' },
        facts(ticket({ priority: 'urgent' })),
      ),
    ).toBe(false);
    const assigned = facts(ticket(), { events: [{ type: 'assigned', from: null, to: 12 }] });
    expect(holds({ field: 'assignee', operator: 'changed_to', value: 12 }, assigned)).toBe(true);
  });

  it('read business hours, the service level and hours since', () => {
    expect(holds({ field: 'business_hours', operator: 'outside' }, facts(ticket(), { openNow: false }))).toBe(
      true,
    );
    const due = ticket({
      sla: { metric: 'first_reply', dueAt: new Date(NOW - 1000).toISOString(), warnAt: null },
    });
    expect(slaStateOf(due, NOW)).toBe('breached');
    expect(holds({ field: 'sla', operator: 'is', value: 'breached' }, facts(due))).toBe(true);
    expect(holds({ field: 'sla', operator: 'is', value: 'none' }, f)).toBe(true);
    expect(holds({ field: 'hours_since_created', operator: 'at_least', value: 10 }, f)).toBe(true);
    expect(holds({ field: 'hours_since_updated', operator: 'less_than', value: 3 }, f)).toBe(true);
    expect(holds({ field: 'hours_since_customer_message', operator: 'at_least', value: 6 }, f)).toBe(false);
    const business = facts(ticket(), { openMsSince: () => 2 * HOUR });
    expect(
      holds({ field: 'hours_since_created', operator: 'at_least', value: 3, businessHours: true }, business),
    ).toBe(false);
    const pending = facts(ticket({ status: 'pending' }), {
      pendingSince: new Date(NOW - 80 * HOUR).toISOString(),
    });
    expect(holds({ field: 'hours_since_pending', operator: 'at_least', value: 72 }, pending)).toBe(true);
    expect(holds({ field: 'hours_since_pending', operator: 'at_least', value: 72 }, f)).toBe(false);
  });

  it('all and any: every one of all, and one of any when any has some', () => {
    const c = compileConditions({
      all: [cond({ field: 'type', operator: 'is', value: 'complaint' })],
      any: [
        cond({ field: 'priority', operator: 'is', value: 'urgent' }),
        cond({ field: 'tags', operator: 'contains', value: 'vip' }),
      ],
    });
    expect(c.test(f)).toBe(true);
    expect(c.test(facts(ticket({ tags: [] })))).toBe(false);
    expect(c.needs.size).toBe(0);
  });

  it('is_not is the negation of is, and not_contains of contains, for any ticket (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('new', 'open', 'pending', 'on_hold', 'solved'),
        fc.constantFrom('low', 'normal', 'high', 'urgent'),
        fc.array(fc.constantFrom('vip', 'refund', 'late'), { maxLength: 3 }),
        fc.string({ maxLength: 40 }),
        fc.constantFrom('open', 'pending', 'low', 'urgent', 'vip', 'refund'),
        (status, priority, tags, subject, probe) => {
          const f2 = facts(ticket({ status, priority, tags: [...new Set(tags)], subject }));
          const field = ['open', 'pending'].includes(probe)
            ? 'status'
            : ['low', 'urgent'].includes(probe)
              ? 'priority'
              : null;
          if (field) {
            expect(holds({ field, operator: 'is', value: probe }, f2)).toBe(
              !holds({ field, operator: 'is_not', value: probe }, f2),
            );
          }
          expect(holds({ field: 'tags', operator: 'contains', value: probe }, f2)).toBe(
            !holds({ field: 'tags', operator: 'not_contains', value: probe }, f2),
          );
          expect(holds({ field: 'subject', operator: 'contains', value: probe }, f2)).toBe(
            subject.toLowerCase().includes(probe),
          );
        },
      ),
    );
  });
});

describe('conditions that cannot be used are refused', () => {
  it('an operator that does not fit the field, a missing value, a custom field without a key', () => {
    expect(conditionSchema.safeParse({ field: 'type', operator: 'matches', value: 'x' }).success).toBe(false);
    expect(conditionSchema.safeParse({ field: 'priority', operator: 'is', value: 'severe' }).success).toBe(
      false,
    );
    expect(conditionSchema.safeParse({ field: 'custom_field', operator: 'is', value: 'x' }).success).toBe(
      false,
    );
    expect(
      conditionSchema.safeParse({ field: 'hours_since_created', operator: 'at_least', value: -1 }).success,
    ).toBe(false);
    expect(conditionSchema.safeParse({ field: 'status', operator: 'one_of', value: 'open' }).success).toBe(
      false,
    );
  });
});

describe('plans', () => {
  it('leave out what would change nothing and say the rest in words', () => {
    const plan = planActions(
      ticket(),
      [
        { type: 'set', field: 'priority', value: 'high' },
        { type: 'set', field: 'type', value: 'complaint' },
        { type: 'add_tags', tags: ['vip', 'refund'] },
        { type: 'remove_tags', tags: ['late'] },
        { type: 'set', field: 'status', value: 'closed' },
        { type: 'escalate', reason: 'Angry customer' },
      ],
      { teams: new Map([[2, 'Support']]) },
    );
    expect(plan.changes).toEqual([
      'set priority to high',
      'add tag refund',
      'escalate it (“Angry customer”)',
    ]);
    expect(plan.update).toEqual({ priority: 'high', tags: ['vip', 'refund'] });
    expect(plan.effects.map((a) => a.type)).toEqual(['escalate']);
  });

  it('triggers run on create, update or both', () => {
    expect(runsOn('create', true)).toBe(true);
    expect(runsOn('create', false)).toBe(false);
    expect(runsOn('update', false)).toBe(true);
    expect(runsOn('both', true)).toBe(true);
  });

  it('an automation period is the base time of its hour conditions', () => {
    const conditions = {
      all: [cond({ field: 'hours_since_customer_message', operator: 'at_least', value: 1 })],
      any: [],
    };
    const t = ticket();
    expect(periodKey(conditions, facts(t))).toBe(t.lastCustomerMessageAt);
    expect(periodKey({ all: [], any: [] }, facts(t))).toBe('once');
  });
});

describe('words and placeholders', () => {
  it('read a trigger as a sentence', () => {
    expect(
      describeTrigger(
        {
          when: 'create',
          conditions: { all: [cond({ field: 'type', operator: 'is', value: 'complaint' })], any: [] },
          actions: [
            { type: 'set', field: 'priority', value: 'high' },
            { type: 'set', field: 'team', value: 5 },
          ],
        },
        { teams: new Map([[5, 'Complaints']]) },
      ),
    ).toBe('When a ticket is created and type is complaint, set priority to high and move it to Complaints');
  });

  it('fill placeholders with escaped values', () => {
    const text = fillPlaceholders(
      'Hi {{customer.name}}, about #{{ticket.id}} {{unknown.thing}}',
      ticket({
        requester: { id: 1, name: '[x](javascript:alert(1)) <img>', email: null },
      }),
    );
    expect(text).toBe('Hi \\[x\\]\\(javascript:alert\\(1\\)\\) \\<img\\>, about #7 {{unknown.thing}}');
    expect(escapeMarkdown('a*b_c')).toBe('a\\*b\\_c');
  });
});
