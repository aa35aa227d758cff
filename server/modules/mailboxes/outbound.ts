import type { TemplateKey } from '../../../contracts/mail';
import type { Ticket } from '../../../contracts/tickets';
import type { Config } from '../../config';
import type { DbOrTrx } from '../../db/database';
import { nowIso } from '../../platform/clock';
import { randomToken } from '../../platform/crypto';
import { enqueueMail } from '../../platform/mail/outbox';
import { type MailboxRow, mailboxesRepository } from './mailboxes.repository';
import { renderTemplate, type TemplateValues } from './templates.defaults';
import { loadTemplate } from './templates.service';
import { threadsRepository } from './threads.repository';

export interface TicketMail {
  ticket: Ticket;
  template: TemplateKey;
  to: string;
  /** Addresses in copy (customer mails keep the thread's copies). */
  cc?: string[];
  /** Hidden copies (an agent's reply). */
  bcc?: string[];
  values?: TemplateValues;
  /** Values that are already sanitised HTML for the HTML part (an agent's reply); `values` fills the text part. */
  html?: TemplateValues;
  /** An automatic reply (acknowledgment): marked so other robots do not answer it. */
  automatic?: boolean;
  messageRowId?: number | null;
  attachmentIds?: number[];
  /** The mailbox to send from, when the caller already knows it. */
  mailbox?: MailboxRow;
}

/** The Content-ID a file of a mail goes by, so the mail's HTML can show it in place. */
export const attachmentCid = (attachmentId: number) => `attachment-${attachmentId}@steward`;

const ATTACHMENT_SRC = /src="\/api\/v1\/attachments\/(\d{1,12})"/g;

/**
 * A reply's HTML for mail: pictures put in the text (files of the reply, shown in Steward from
 * their address) point at the file the mail carries, since the reader cannot sign in to fetch them.
 */
export function inlinePictures(html: string, attachmentIds: number[]): string {
  if (attachmentIds.length === 0) return html;
  const carried = new Set(attachmentIds);
  return html.replace(ATTACHMENT_SRC, (whole, id: string) =>
    carried.has(Number(id)) ? `src="cid:${attachmentCid(Number(id))}"` : whole,
  );
}

/** The mailbox a ticket's mail goes out from: the one it came in through, else the default. */
export async function mailboxOfTicket(db: DbOrTrx, ticketId: number): Promise<MailboxRow | undefined> {
  const settings = await threadsRepository.ticketMail(db, ticketId);
  const own = settings?.mailbox_id ? await mailboxesRepository.findById(db, settings.mailbox_id) : undefined;
  return own ?? mailboxesRepository.defaultMailbox(db);
}

function domainOf(address: string): string {
  return address.split('@')[1] ?? 'steward.invalid';
}

function ticketValues(ticket: Ticket, publicUrl: string, mailbox: MailboxRow | undefined): TemplateValues {
  return {
    'ticket.id': String(ticket.id),
    'ticket.subject': ticket.subject,
    'ticket.status': ticket.status.replace('_', ' '),
    'ticket.url': `${publicUrl}/inbox/all/tickets/${ticket.id}`,
    'portal.url': `${publicUrl}/portal/requests/${ticket.id}`,
    'customer.name': ticket.requester.name,
    'customer.email': ticket.requester.email ?? '',
    'mailbox.name': mailbox?.display_name ?? '',
    'mailbox.signature': mailbox?.signature ?? '',
  };
}

/**
 * Queues a notification about a ticket, rendered from its template, threaded into the ticket's
 * conversation (Message-ID, In-Reply-To, References) and sent from the ticket's mailbox.
 * Answers null when the template is turned off.
 */
export async function queueTicketMail(db: DbOrTrx, config: Config, mail: TicketMail): Promise<number | null> {
  const template = await loadTemplate(db, mail.template);
  const mailbox = mail.mailbox ?? (await mailboxOfTicket(db, mail.ticket.id));
  const customerFacing = template.audience === 'customer';
  const useAck = mail.template === 'ticket_received' && mailbox;
  if (useAck && mailbox.auto_ack !== 1) return null;
  if (!template.enabled && !(useAck && mailbox.ack_body)) return null;
  const rendered = renderTemplate(
    (useAck && mailbox.ack_subject) || template.subject,
    (useAck && mailbox.ack_body) || template.body,
    { ...ticketValues(mail.ticket, config.publicUrl, mailbox), ...mail.values },
    mail.html,
  );
  const fromAddress = mailbox?.address ?? config.mail.from;
  const messageId = `${randomToken(12).toLowerCase()}.${mail.ticket.id}@${domainOf(fromAddress)}`;
  const thread = customerFacing ? await threadsRepository.threadIds(db, mail.ticket.id) : [];
  const headers: Record<string, string> = { 'Message-ID': `<${messageId}>` };
  if (thread.length > 0) {
    headers['In-Reply-To'] = `<${thread.at(-1)}>`;
    headers.References = thread.map((id) => `<${id}>`).join(' ');
  }
  if (mail.automatic) headers['Auto-Submitted'] = 'auto-replied';
  else if (!customerFacing) headers['Auto-Submitted'] = 'auto-generated';
  headers['X-Steward-Ticket'] = String(mail.ticket.id);
  const id = await enqueueMail(db, {
    to: mail.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers,
    ticketId: mail.ticket.id,
    from: mailbox ? { address: mailbox.address, name: mailbox.display_name } : null,
    cc: customerFacing ? mail.cc : [],
    bcc: customerFacing ? mail.bcc : [],
    mailboxId: mailbox?.id ?? null,
    messageRowId: mail.messageRowId ?? null,
    attachmentIds: mail.attachmentIds,
    kind: mail.template,
  });
  if (customerFacing)
    await threadsRepository.rememberMessageId(db, messageId, mail.ticket.id, 'out', nowIso(), id);
  return id;
}

export interface CustomerMail {
  template: TemplateKey;
  to: string;
  values: TemplateValues;
  /** Extra headers (List-Unsubscribe …); Message-ID and Auto-Submitted are set here. */
  headers?: Record<string, string>;
}

/**
 * Queues a mail to a customer that is about no ticket (an NPS campaign), rendered from its
 * template and sent from the default mailbox. Answers null when the template is turned off.
 */
export async function queueCustomerMail(
  db: DbOrTrx,
  config: Config,
  mail: CustomerMail,
): Promise<number | null> {
  const template = await loadTemplate(db, mail.template);
  if (!template.enabled) return null;
  return queueWordedCustomerMail(db, config, {
    kind: mail.template,
    to: mail.to,
    subject: template.subject,
    body: template.body,
    values: mail.values,
    headers: mail.headers,
  });
}

/**
 * Queues a mail to a customer about no ticket whose wording a module keeps itself (a testimonial
 * request, worded in the feedback settings): placeholders filled as in a template, sent from the
 * default mailbox, listed in the outbox under `kind`.
 */
export async function queueWordedCustomerMail(
  db: DbOrTrx,
  config: Config,
  mail: Omit<CustomerMail, 'template'> & { kind: string; subject: string; body: string },
): Promise<number> {
  const mailbox = await mailboxesRepository.defaultMailbox(db);
  const rendered = renderTemplate(mail.subject, mail.body, mail.values);
  const fromAddress = mailbox?.address ?? config.mail.from;
  const messageId = `${randomToken(12).toLowerCase()}@${domainOf(fromAddress)}`;
  return enqueueMail(db, {
    to: mail.to,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    headers: { ...mail.headers, 'Message-ID': `<${messageId}>`, 'Auto-Submitted': 'auto-generated' },
    from: mailbox ? { address: mailbox.address, name: mailbox.display_name } : null,
    mailboxId: mailbox?.id ?? null,
    kind: mail.kind,
  });
}
