import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditActionNames, auditActions, describeAudit, sentenceText } from '../../contracts/audit';
import type { Changes, EntityRef } from '../../contracts/audit-wording';

const serverDir = path.resolve(import.meta.dirname, '../../server');

/** Functions that take an action and record it: their callers' literals are actions too. */
const FORWARDERS = ['startSession'];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The text between the parenthesis at `open` and the one that closes it, quoted text skipped. */
function enclosed(source: string, open: number): string {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "'" || ch === '"' || ch === '`') {
      const close = source.indexOf(ch, i + 1);
      i = close === -1 ? source.length : close;
    } else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return source.slice(open + 1, i);
  }
  return source.slice(open + 1);
}

/** The arguments of every call to `name` in the source. */
function callsOf(source: string, name: string): string[] {
  return [...source.matchAll(new RegExp(`\\b${name}\\(`, 'g'))].map((m) =>
    enclosed(source, m.index + m[0].length - 1),
  );
}

const ACTION_LITERAL = /'([a-z_]+\.[a-z_]+)'/g;
const literals = (text: string) => [...text.matchAll(ACTION_LITERAL)].map((m) => m[1]!);

/** The value of `action:` in an object's text, up to the next property. */
function actionValue(args: string): string | null {
  const at = args.search(/\baction\s*:/);
  if (at === -1) return null;
  const rest = args.slice(args.indexOf(':', at) + 1);
  const end = rest.search(/,\s*(entityType|entityId|before|after|changes)\s*:/);
  return end === -1 ? rest : rest.slice(0, end);
}

/** Every action the server writes, with where: found in the source, not listed by hand. */
function writtenActions() {
  const found: { action: string; file: string }[] = [];
  const unread: string[] = [];
  for (const file of sourceFiles(serverDir)) {
    const source = fs.readFileSync(file, 'utf8');
    const where = path.relative(serverDir, file);
    for (const args of callsOf(source, 'recordAudit')) {
      if (args.trim().startsWith('db: DbOrTrx')) continue; // the writer's own signature
      const value = actionValue(args);
      const names = value ? literals(value) : [];
      if (names.length) found.push(...names.map((action) => ({ action, file: where })));
      else if (!FORWARDERS.some((f) => source.includes(`function ${f}(`))) unread.push(where);
    }
    for (const forwarder of FORWARDERS) {
      for (const args of callsOf(source, forwarder)) {
        if (/:\s*\w/.test(args.split(',')[0] ?? '')) continue; // the declaration
        found.push(...literals(args).map((action) => ({ action, file: where })));
      }
    }
  }
  return { found, unread };
}

describe('the audit log’s words', () => {
  it('has a phrase for every action the server writes, and no phrase for an action nobody writes', () => {
    const { found, unread } = writtenActions();
    expect(unread, 'recordAudit calls whose action the test cannot read').toEqual([]);
    expect(found.length).toBeGreaterThan(40);
    const missing = found.filter((w) => !(w.action in auditActions)).map((w) => `${w.file}: ${w.action}`);
    expect(missing, 'actions written without a phrase in contracts/audit-actions.ts').toEqual([]);
    const written = new Set(found.map((w) => w.action));
    expect(
      auditActionNames.filter((a) => !written.has(a)),
      'phrases of actions nobody writes',
    ).toEqual([]);
  });

  const ticket: EntityRef = { type: 'ticket', id: '12', name: '#12 Printer jam', exists: true };
  const rosa: EntityRef = { type: 'user', id: '7', name: 'Rosa Moreau', exists: true };
  const billing: EntityRef = { type: 'team', id: '3', name: 'Billing', exists: true };
  const say = (action: string, entity: EntityRef, changes: Changes = {}) =>
    sentenceText(describeAudit(action, { changes, entity }));

  it('reads as a person would say it', () => {
    expect(say('auth.login', rosa)).toBe('signed in');
    expect(say('ticket.updated', ticket, { priority: { before: 'normal', after: 'high' } })).toBe(
      'changed priority from normal to high on ticket #12 Printer jam',
    );
    expect(
      say('ticket.updated', ticket, {
        status: { before: 'open', after: 'on_hold' },
        assignee: { before: null, after: 'Rosa Moreau' },
        tags: { before: ['vip'], after: ['billing'] },
      }),
    ).toBe(
      'changed status from open to on hold, set assignee to Rosa Moreau and added billing to tags and removed vip from tags on ticket #12 Printer jam',
    );
    expect(
      say('team.updated', billing, { members: { before: ['Sam Lee'], after: ['Sam Lee', 'Rosa Moreau'] } }),
    ).toBe('added Rosa Moreau to team Billing');
    expect(say('user.updated', rosa, { teams: { before: [], after: ['Billing'] } })).toBe(
      'added Rosa Moreau to team Billing',
    );
    expect(say('user.deactivated', rosa, { status: { before: 'active', after: 'deactivated' } })).toBe(
      'deactivated Rosa Moreau',
    );
    expect(say('user.updated', rosa, { role: { before: 'agent', after: 'manager' } })).toBe(
      'changed role from agent to manager for Rosa Moreau',
    );
    expect(say('team.updated', billing, { name: { before: 'Invoices', after: 'Billing' } })).toBe(
      'renamed team Invoices to Billing',
    );
    expect(
      say('user.created', rosa, {
        role: { before: null, after: 'agent' },
        teams: { before: null, after: ['Billing'] },
      }),
    ).toBe('created Rosa Moreau as an agent in team Billing');
    expect(
      say(
        'settings.updated',
        { type: 'settings', id: 'tickets', name: 'ticket settings', exists: true },
        {
          autoCloseDays: { before: 7, after: 3 },
        },
      ),
    ).toBe('changed days before solved tickets close from 7 to 3 in ticket settings');
    expect(
      say(
        'settings.updated',
        { type: 'settings', id: 'tickets', name: 'ticket settings', exists: true },
        { assignOnReply: { before: true, after: false } },
      ),
    ).toContain('assigning tickets on reply');
    expect(
      say('ticket.replied', ticket, {
        status: { before: 'new', after: 'open' },
        assignee: { before: null, after: 'Rosa Moreau' },
      }),
    ).toBe('replied on ticket #12 Printer jam and changed status from new to open and took the ticket');
    expect(
      say('user.password_changed', rosa, { password: { before: '[redacted]', after: '[redacted]' } }),
    ).toBe('changed their password');
    expect(
      say('ticket.updated', ticket, { dueAt: { before: null, after: '2026-05-03T14:00:00.000Z' } }),
    ).toBe('set due date to 3 May 2026, 14:00 UTC on ticket #12 Printer jam');
    expect(
      say('ticket.updated', ticket, { customFields: { before: {}, after: { order_number: '1234' } } }),
    ).toBe('set order number to 1234 on ticket #12 Printer jam');
  });

  it('links the names of things that still exist, and only those', () => {
    const segments = describeAudit('team.updated', {
      entity: billing,
      changes: { members: { before: [], after: ['Rosa Moreau'] } },
    });
    expect(segments).toEqual([
      { text: 'added Rosa Moreau to team ' },
      { text: 'Billing', entity: { type: 'team', id: '3' } },
    ]);
    const gone = describeAudit('team.deleted', {
      entity: { ...billing, exists: false },
      changes: { name: { before: 'Billing', after: null } },
    });
    expect(gone).toEqual([{ text: 'deleted team Billing' }]);
    const merged = describeAudit('ticket.merged', {
      entity: ticket,
      changes: { mergedFrom: { before: null, after: { id: 4, subject: 'Paper tray' } } },
    });
    expect(merged.filter((s) => s.entity).map((s) => s.entity)).toEqual([
      { type: 'ticket', id: '4' },
      { type: 'ticket', id: '12' },
    ]);
  });

  it('reads an action this version does not know without failing', () => {
    expect(say('team.archived', billing)).toBe('team archived: Billing');
  });

  const value = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant('[redacted]'),
    fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }),
    fc.record({ id: fc.integer(), name: fc.string({ maxLength: 10 }) }),
  );
  const changes = fc.dictionary(
    fc.constantFrom(
      'name',
      'status',
      'priority',
      'teams',
      'members',
      'lead',
      'customFields',
      'failedLogins',
      'sessions',
      'mergedFrom',
      'escalation',
      'copies',
      'suggestions',
      'archived',
      'enabled',
      'shared',
      'role',
      'body',
      'someNewField',
    ),
    fc.record({ before: value, after: value }),
    { maxKeys: 5 },
  );

  it('says something readable for every action, whatever was recorded', () => {
    fc.assert(
      fc.property(fc.constantFrom(...auditActionNames), changes, fc.boolean(), (action, recorded, exists) => {
        const entity: EntityRef = { type: auditActions[action].entity, id: '5', name: 'Thing', exists };
        const text = say(action, entity, recorded);
        expect(text.trim().length).toBeGreaterThan(0);
        expect(text).not.toMatch(/undefined|\[object Object\]|\bnull\b/);
      }),
      { numRuns: 400 },
    );
  });
});
