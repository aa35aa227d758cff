import type { TemplateKey } from '../../../contracts/mail';
import { renderMarkdown } from '../../platform/markdown';

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
      'To add anything, reply to this mail. You can follow your requests at {{portal.url}}.',
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

/** Fills the placeholders; the plain text is the Markdown, the HTML part its rendering. */
export function renderTemplate(subject: string, body: string, values: TemplateValues) {
  const fill = (text: string) => text.replace(placeholderPattern, (_, name: string) => values[name] ?? '');
  const text = fill(body)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return {
    subject: fill(subject).replace(/\s+/g, ' ').trim().slice(0, 300),
    text,
    html: renderMarkdown(text),
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
