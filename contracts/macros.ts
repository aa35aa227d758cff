import { z } from 'zod';
import { isoTimestamp } from './common';
import { lineText, plainText, proseText } from './text';
import {
  customFieldValues,
  prioritySchema,
  statusSchema,
  tagsSchema,
  ticketSchema,
  typeSchema,
} from './tickets';

/**
 * Macros: canned replies with placeholders, sent as a reply or an internal note, plus changes to
 * the ticket's fields, kept by one person (personal), a team, or everyone (shared).
 */
export const macroVisibilities = ['personal', 'team', 'shared'] as const;
export type MacroVisibility = (typeof macroVisibilities)[number];

/** The placeholders a macro's text may use, with what each becomes. */
export const macroPlaceholders = {
  'ticket.id': 'The ticket number, like 1042',
  'ticket.subject': "The ticket's subject",
  'requester.name': "The requester's full name",
  'requester.first_name': "The requester's first name",
  'requester.email': "The requester's email address",
  'organization.name': "The requester's organisation (empty without one)",
  'agent.name': 'Your full name',
  'agent.first_name': 'Your first name',
} as const;
export type MacroPlaceholder = keyof typeof macroPlaceholders;
export const isMacroPlaceholder = (name: string): name is MacroPlaceholder =>
  Object.hasOwn(macroPlaceholders, name);

/** How far a placeholder may run before its closing braces: longer is text, not a placeholder. */
const MAX_PLACEHOLDER = 64;

/** One piece of a macro's text: words as written, or a placeholder by the name written in it. */
export type MacroTextPart = { text: string } | { placeholder: string };

/**
 * Splits a macro's text into words and `{{ name }}` placeholders, in one pass: each `{{` looks
 * ahead a bounded stretch for its `}}`, so the time grows with the text's length only.
 */
export function parseMacroText(text: string): MacroTextPart[] {
  const parts: MacroTextPart[] = [];
  let from = 0;
  let at = text.indexOf('{{');
  while (at !== -1) {
    const window = text.slice(at + 2, at + 2 + MAX_PLACEHOLDER + 2);
    const close = window.indexOf('}}');
    const inner = close === -1 ? '' : window.slice(0, close);
    if (close === -1 || inner.includes('{') || inner.includes('\n')) {
      at = text.indexOf('{{', at + 1);
      continue;
    }
    if (at > from) parts.push({ text: text.slice(from, at) });
    parts.push({ placeholder: inner.trim() });
    from = at + 2 + close + 2;
    at = text.indexOf('{{', from);
  }
  if (from < text.length) parts.push({ text: text.slice(from) });
  return parts;
}

/** The placeholders a text uses that Steward does not know, each once, in the order written. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = new Set<string>();
  for (const part of parseMacroText(text))
    if ('placeholder' in part && !isMacroPlaceholder(part.placeholder)) unknown.add(part.placeholder);
  return [...unknown];
}

/** Markdown that would make a value do something rather than be read: escaped wherever it is. */
const ALWAYS = new Set(['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '#', '!', '{', '}']);

/**
 * A value as literal Markdown text: one line, every character that could start markup escaped
 * with a backslash, so `<script>` reads as those characters and `*Bob*` is not emphasis. Starts
 * of lists and quotes at its beginning and links GFM would find (`http://`, `www.`) are broken too.
 */
export function escapeMarkdownText(value: string): string {
  const line = value.replace(/[\r\n\t]+/g, ' ');
  let out = '';
  let started = false;
  let onlyDigits = true;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i]!;
    if (ALWAYS.has(c)) out += `\\${c}`;
    else if (!started && (c === '-' || c === '+' || c === '=')) out += `\\${c}`;
    else if ((c === '.' || c === ')') && started && onlyDigits) out += `\\${c}`;
    else if (c === ':' && line.startsWith('//', i + 1)) out += '\\:';
    else if (c === '.' && line.slice(Math.max(0, i - 3), i).toLowerCase() === 'www') out += '\\.';
    else out += c;
    if (c !== ' ') {
      onlyDigits = onlyDigits && c >= '0' && c <= '9';
      started = true;
    }
  }
  return out;
}

export type MacroValues = Record<MacroPlaceholder, string>;

/** The text with each placeholder replaced by its value, escaped; unknown ones stay as written. */
export function renderMacroText(text: string, values: MacroValues): string {
  return parseMacroText(text)
    .map((part) =>
      'text' in part
        ? part.text
        : isMacroPlaceholder(part.placeholder)
          ? escapeMarkdownText(values[part.placeholder])
          : `{{${part.placeholder}}}`,
    )
    .join('');
}

export const firstNameOf = (name: string) => name.trim().split(/\s+/)[0] ?? '';

/** Values for the form's live preview: a made-up ticket. */
export const sampleMacroValues: MacroValues = {
  'ticket.id': '1042',
  'ticket.subject': 'Kettle switches off before boiling',
  'requester.name': 'Petra Lindqvist',
  'requester.first_name': 'Petra',
  'requester.email': 'petra.lindqvist@example.com',
  'organization.name': 'Lindqvist Interiors',
  'agent.name': 'Your Name',
  'agent.first_name': 'Your',
};

const actionFields = {
  status: statusSchema.exclude(['new', 'closed']).optional(),
  priority: prioritySchema.optional(),
  type: typeSchema.optional(),
  assignee: z
    .union([z.literal('me'), z.number().int().positive(), z.null()])
    .optional()
    .describe('"me" (whoever applies it), a staff member\'s id, or null to unassign'),
  teamId: z.number().int().positive().nullable().optional(),
  customFields: customFieldValues.optional(),
};

/** What a macro changes on the ticket it is applied to; absent fields stay as they are. */
export const macroActionsSchema = z
  .object({ ...actionFields, addTags: tagsSchema.optional(), removeTags: tagsSchema.optional() })
  .strict();
export type MacroActions = z.infer<typeof macroActionsSchema>;

/** The same, as answers carry it: tags as they were stored. */
const macroActionsOut = z.object({
  ...actionFields,
  addTags: z.array(z.string()).optional(),
  removeTags: z.array(z.string()).optional(),
});

const ref = z.object({ id: z.number(), name: z.string() });

export const macroSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    description: z.string(),
    body: z.string().describe('Markdown with placeholders such as {{requester.first_name}}'),
    internal: z.boolean().describe('The text is an internal note, not a reply to the customer'),
    actions: macroActionsOut,
    visibility: z.enum(macroVisibilities),
    team: ref.nullable().describe('For team macros: the team whose members use it'),
    owner: ref.nullable().describe('For personal macros: the only person who sees it'),
    usageCount: z.number(),
    lastUsedAt: isoTimestamp.nullable(),
    canEdit: z.boolean().describe('Whether the caller may change or delete it'),
    createdAt: isoTimestamp,
    updatedAt: isoTimestamp,
  })
  .describe('A macro');
export type Macro = z.infer<typeof macroSchema>;
export const macrosList = z.object({ data: z.array(macroSchema) });

export const UNUSED_DAYS = 90;

export const macrosQuery = z
  .object({
    q: plainText(200).optional().describe('Words in the name, description or text'),
    visibility: z.enum(macroVisibilities).optional(),
    unused: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional()
      .describe(`Only macros not used in ${UNUSED_DAYS} days (or never), for clean-up`),
  })
  .strict();

export const createMacroBody = z
  .object({
    name: lineText(120),
    description: lineText(500, { min: 0 }).default(''),
    body: proseText(20_000, { min: 0 }).default(''),
    internal: z.boolean().default(false),
    actions: macroActionsSchema.default({}),
    visibility: z.enum(macroVisibilities).default('personal'),
    teamId: z.number().int().positive().nullable().default(null),
  })
  .strict();
export type CreateMacroBody = z.input<typeof createMacroBody>;

export const updateMacroBody = z
  .object({
    name: lineText(120).optional(),
    description: lineText(500, { min: 0 }).optional(),
    body: proseText(20_000, { min: 0 }).optional(),
    internal: z.boolean().optional(),
    actions: macroActionsSchema.optional(),
    visibility: z.enum(macroVisibilities).optional(),
    teamId: z.number().int().positive().nullable().optional(),
  })
  .strict();
export type UpdateMacroBody = z.input<typeof updateMacroBody>;

export const previewMacroBody = z.object({ ticketId: z.number().int().positive() }).strict();
export const applyMacroBody = z
  .object({
    ticketId: z.number().int().positive(),
    version: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("The ticket's version the agent saw; a stale one is refused with 409"),
  })
  .strict();

export const macroChangeSchema = z.object({
  field: z.string().describe('status, priority, type, assignee, team, tags or customFields.<key>'),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
export type MacroChange = z.infer<typeof macroChangeSchema>;

export const macroPreviewSchema = z.object({
  reply: z.object({
    body: z.string().describe('The text with the placeholders filled in (Markdown), for the composer'),
    html: z.string().describe('The same, as sanitised HTML'),
    internal: z.boolean(),
  }),
  changes: z.array(macroChangeSchema).describe('What would change on the ticket, in words'),
});
export type MacroPreview = z.infer<typeof macroPreviewSchema>;

export const macroApplySchema = macroPreviewSchema.extend({
  ticket: ticketSchema.describe('The ticket after the changes'),
});
export type MacroApplied = z.infer<typeof macroApplySchema>;
