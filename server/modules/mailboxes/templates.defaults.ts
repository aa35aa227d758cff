import { randomBytes } from 'node:crypto';
import type { TemplateKey } from '../../../contracts/mail';
import { escapeHtml, renderMarkdown } from '../../platform/markdown';

export interface TemplateDefinition {
  audience: 'customer' | 'agent';
  description: string;
  subject: string;
  body: string;
  placeholders: string[];
}

const ticketPlaceholders = [
  'ticket.id',
  'ticket.subject',
  'ticket.status',
  'customer.name',
  'customer.email',
];
const customerPlaceholders = [...ticketPlaceholders, 'portal.url', 'mailbox.name', 'mailbox.signature'];
const agentPlaceholders = [...ticketPlaceholders, 'ticket.url', 'recipient.name'];

/** The notifications Steward sends, as they read until an admin edits them. */
export const templateDefaults: Record<TemplateKey, TemplateDefinition> = {
  ticket_received: {
    audience: 'customer',
    description:
      'Sent to the customer when a new request arrives (the mailbox can turn it off or override it)',
    subject: 'We received your request [#{{ticket.id}}]',
    body: [
      'Hello {{customer.name}},',
      '',
      'Thank you for writing to us. Your request "{{ticket.subject}}" has the number **#{{ticket.id}}**; we will answer as soon as we can.',
      '',
      'To add anything, reply to this mail. You can follow it under Your requests: {{portal.url}}.',
      '',
      '{{mailbox.signature}}',
    ].join('\n'),
    placeholders: customerPlaceholders,
  },
  agent_replied: {
    audience: 'customer',
    description: "Carries an agent's public reply to the customer",
    subject: '[#{{ticket.id}}] {{ticket.subject}}',
    body: ['{{message.body}}', '', '{{mailbox.signature}}'].join('\n'),
    placeholders: [...customerPlaceholders, 'message.body', 'agent.name'],
  },
  ticket_solved: {
    audience: 'customer',
    description: 'Sent to the customer when their request is marked solved',
    subject: 'Your request is solved [#{{ticket.id}}]',
    body: [
      'Hello {{customer.name}},',
      '',
      'We have marked your request "{{ticket.subject}}" as solved. If something is still not right, reply to this mail and it opens again.',
      '',
      '{{mailbox.signature}}',
    ].join('\n'),
    placeholders: customerPlaceholders,
  },
  satisfaction_survey: {
    audience: 'customer',
    description:
      'Sent to the customer after their request is solved, asking how it went (Feedback settings choose which tickets and when)',
    subject: 'How did we do? [#{{ticket.id}}]',
    body: [
      'Hello {{customer.name}},',
      '',
      'We recently solved your request "{{ticket.subject}}". How satisfied are you with the help you got? One click is enough:',
      '',
      '{{survey.links}}',
      '',
      'You can add a comment on the page that opens. Thank you for telling us.',
      '',
      '{{mailbox.signature}}',
    ].join('\n'),
    placeholders: [...customerPlaceholders, 'survey.links', 'survey.url'],
  },
  nps_campaign: {
    audience: 'customer',
    description:
      'Sent to each customer an NPS campaign asks how likely they are to recommend you (Feedback, Campaigns); every mail carries an unsubscribe link',
    subject: 'A quick question from {{company.name}}',
    body: [
      'Hello {{customer.name}},',
      '',
      '{{nps.question}} Pick a number from 0 (not at all likely) to 10 (extremely likely):',
      '',
      '{{nps.url}}',
      '',
      'It takes a few seconds, and you can add a comment. Thank you.',
      '',
      'You get this mail because you are a customer of {{company.name}}. To receive no more surveys like this one: {{unsubscribe.url}}',
    ].join('\n'),
    placeholders: [
      'customer.name',
      'customer.email',
      'company.name',
      'nps.question',
      'nps.url',
      'unsubscribe.url',
    ],
  },
  agent_ticket_assigned: {
    audience: 'agent',
    description: 'Sent to an agent when a ticket is assigned to them by someone else',
    subject: 'Assigned to you: [#{{ticket.id}}] {{ticket.subject}}',
    body: [
      'Hello {{recipient.name}},',
      '',
      '{{actor.name}} assigned ticket #{{ticket.id}} "{{ticket.subject}}" from {{customer.name}} to you.',
      '',
      'Open it: {{ticket.url}}',
    ].join('\n'),
    placeholders: [...agentPlaceholders, 'actor.name'],
  },
  agent_customer_replied: {
    audience: 'agent',
    description: 'Sent to the assignee when the customer replies on their ticket',
    subject: 'Customer replied: [#{{ticket.id}}] {{ticket.subject}}',
    body: [
      'Hello {{recipient.name}},',
      '',
      '{{customer.name}} replied on ticket #{{ticket.id}}:',
      '',
      '{{message.body}}',
      '',
      'Open it: {{ticket.url}}',
    ].join('\n'),
    placeholders: [...agentPlaceholders, 'message.body'],
  },
};

const placeholderPattern = /\{\{\s*([a-z]+\.[a-z]+)\s*\}\}/g;

/** Placeholders a text uses that the template does not offer. */
export function unknownPlaceholders(key: TemplateKey, ...texts: string[]): string[] {
  const allowed = new Set(templateDefaults[key].placeholders);
  const used = texts.flatMap((t) => [...t.matchAll(placeholderPattern)].map((m) => m[1]!));
  const stray = texts.flatMap((t) => t.match(/\{\{(?![^{}]*\}\})|\{\{\s*[^a-z\s][^}]*\}\}/g) ?? []);
  return [...new Set([...used.filter((p) => !allowed.has(p)), ...stray])];
}

export type TemplateValues = Record<string, string>;

/** Links Steward makes to its own pages: shown as links when they are plain http(s) addresses. */
const linkPlaceholders = new Set(['ticket.url', 'portal.url', 'nps.url', 'unsubscribe.url']);
/** The mailbox signature is the admin's Markdown, like the template itself. */
const markdownPlaceholders = new Set(['mailbox.signature']);
const WEB_ADDRESS = /^https?:\/\/[^\s"'<>`]+$/;

/**
 * A value as inert HTML text: escaped, line breaks kept, and a zero-width space after `.`, `:`
 * and `@`, so no mail reader turns a customer's `www.evil.example` into a link either.
 */
function textHtml(value: string): string {
  return escapeHtml(value)
    .replace(/\r\n?|\n/g, '<br>\n')
    .replace(/[.:@]/g, (c) => `${c}&#8203;`);
}

/**
 * The HTML of a template: the admin's Markdown is rendered with each placeholder as an inert
 * token, then the tokens are replaced by their values, escaped for HTML. So nothing a customer
 * types (a name, a subject) is ever read as Markdown or HTML: no links, images or markup of
 * theirs reach the mail. Values given in `html` are already sanitised HTML (an agent's reply);
 * one alone in its paragraph replaces the paragraph. Inside a tag (an admin's link) only
 * Steward's own addresses are filled in.
 */
function templateHtml(body: string, values: TemplateValues, html: TemplateValues): string {
  const nonce = randomBytes(6).toString('hex');
  const names: string[] = [];
  const tokenized = body.replace(placeholderPattern, (_, name: string) => {
    if (!names.includes(name)) names.push(name);
    return `stw${nonce}v${names.indexOf(name)}x`;
  });
  const rendered = renderMarkdown(tokenized.replace(/\n{3,}/g, '\n\n').trim());
  const token = new RegExp(`(<p>)?stw${nonce}v(\\d+)x(</p>)?`, 'g');
  const blockOf = (name: string) =>
    name in html ? html[name]! : markdownPlaceholders.has(name) ? renderMarkdown(values[name] ?? '') : null;
  const inlineOf = (name: string, inTag: boolean) => {
    const value = values[name] ?? '';
    const link = linkPlaceholders.has(name) && WEB_ADDRESS.test(value);
    if (inTag) return link ? escapeHtml(value) : '';
    if (link) return `<a href="${escapeHtml(value)}">${escapeHtml(value)}</a>`;
    return blockOf(name) ?? textHtml(value);
  };
  return rendered.replace(token, (...match: unknown[]) => {
    const [, open = '', index, close = '', offset, whole] = match as [
      string,
      string | undefined,
      string,
      string | undefined,
      number,
      string,
    ];
    const name = names[Number(index)]!;
    const at = offset + open.length;
    const inTag = whole.lastIndexOf('<', at) > whole.lastIndexOf('>', at);
    const block = open && close ? blockOf(name) : null;
    return block !== null ? block.trim() : `${open}${inlineOf(name, inTag)}${close}`;
  });
}

/**
 * Fills the placeholders: the plain text is the Markdown with the values as they are, the HTML
 * part is rendered as `templateHtml` says, and the subject is one line. `html` gives values that
 * are already sanitised HTML (an agent's reply); their `values` entry fills the text part.
 */
export function renderTemplate(
  subject: string,
  body: string,
  values: TemplateValues,
  html: TemplateValues = {},
) {
  const fill = (text: string, oneLine: boolean) =>
    text.replace(placeholderPattern, (_, name: string) => {
      const value = values[name] ?? '';
      return oneLine ? value.replace(/[\r\n]+/g, ' ') : value;
    });
  return {
    subject: fill(subject, true).replace(/\s+/g, ' ').trim().slice(0, 300),
    text: fill(body, false)
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
    html: templateHtml(body, values, html),
  };
}

/** Values for a preview: a made-up ticket, customer and agent. */
export const sampleValues: TemplateValues = {
  'ticket.id': '1234',
  'ticket.subject': 'My order arrived damaged',
  'ticket.status': 'open',
  'ticket.url': 'https://support.example.com/inbox/all/tickets/1234',
  'customer.name': 'Ana Ruiz',
  'customer.email': 'ana.ruiz@example.com',
  'portal.url': 'https://support.example.com/portal/requests/1234',
  'mailbox.name': 'Support',
  'mailbox.signature': '— The Support team',
  'message.body': 'Thanks for the photos. A replacement is on its way and should arrive on Thursday.',
  'agent.name': 'Sam Lee',
  'recipient.name': 'Sam Lee',
  'actor.name': 'Morgan Diaz',
};
