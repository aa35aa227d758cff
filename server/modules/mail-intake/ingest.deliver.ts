import type { Ticket } from '../../../contracts/tickets';
import type { Config } from '../../config';
import type { DbOrTrx } from '../../db/database';
import { systemContext } from '../../platform/auth/actor';
import { nowIso } from '../../platform/clock';
import { storeReceivedFile } from '../attachments';
import { findOrCreateCustomer } from '../customers';
import type { MailboxRow } from '../mailboxes';
import {
  keepMailCopies,
  queueTicketMail,
  rememberMessageId,
  ticketOfMessageIds,
  trustsSender,
} from '../mailboxes';
import { receiveSideReply, sideConversationOfMessageIds } from '../side-conversations';
import { addCustomerMessage, lastMessageId, loadTicket, openTicket, setMessageHtml } from '../tickets';
import { senderAuthentication } from './auth-results';
import { addressesOf } from './ingest.classify';
import type { QueuedMailRow } from './mail-intake.repository';
import { cleanSubject, normalizeMessageId, referencedIds, ticketRefInSubject } from './mail-intake.rules';
import { cidToken, type ParsedInbound } from './parse';
import { cleanDisplayName } from './parse.senders';

export interface Accepted {
  row: QueuedMailRow;
  parsed: ParsedInbound;
  mailbox: MailboxRow;
  sender: { address: string; name: string };
  automated: boolean;
}

/** The ticket a mail answers: by the Message-IDs it replies to, else by `[#id]` from a participant. */
async function threadedTicket(db: DbOrTrx, mail: Accepted): Promise<number | null> {
  const ids = referencedIds(mail.parsed.inReplyTo ?? undefined, mail.parsed.references);
  const byHeaders = await ticketOfMessageIds(db, ids);
  if (byHeaders) return byHeaders;
  const ref = ticketRefInSubject(mail.parsed.subject);
  if (!ref) return null;
  const ticket = await loadTicket(db, ref).catch(() => null);
  if (!ticket) return null;
  return (await trustsSender(db, ref, mail.sender.address)) ? ref : null;
}

/** Addresses the mail puts in copy: To and Cc, minus our mailboxes, the sender and the requester. */
function copiesOf(mail: Accepted, ours: string[], requester: string | null): string[] {
  const all = [...addressesOf(mail.parsed.to), ...addressesOf(mail.parsed.cc)].map((a) => a.address);
  const skip = new Set([...ours, mail.sender.address, requester]);
  return [...new Set(all.filter((a) => !skip.has(a)))];
}

/** Keeps the mail's files on the message; inline pictures get the addresses the HTML points at. */
async function keepFiles(
  db: DbOrTrx,
  config: Config,
  mail: Accepted,
  target: { ticketId: number; messageId: number; customerId: number },
) {
  const urls = new Map<string, string>();
  const refused: { filename: string; reason: string }[] = [];
  for (const [index, file] of mail.parsed.files.entries()) {
    const stored = await storeReceivedFile(db, config.dataDir, target, {
      filename: file.filename,
      contentType: file.contentType,
      content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
      origin: 'mail',
    });
    if ('refused' in stored) refused.push({ filename: file.filename, reason: stored.refused });
    if (file.contentId) {
      urls.set(
        cidToken(mail.parsed.cidNonce, index),
        'id' in stored ? `/api/v1/attachments/${stored.id}` : '',
      );
    }
  }
  return { html: withFileUrls(mail.parsed.bodyHtml, urls), refused };
}

/** The body HTML with each inline picture's placeholder replaced by its kept file's address. */
function withFileUrls(html: string, urls: Map<string, string>): string {
  let out = html;
  for (const [token, url] of urls) out = out.split(`"${token}"`).join(`"${url}"`);
  return out;
}

/**
 * A reply to a side conversation (its In-Reply-To or References name one of the conversation's
 * mails) is kept there, never in the customer's thread. Answers the ticket it is about, or null
 * when the mail answers no side conversation.
 */
export async function deliverToSideConversation(
  db: DbOrTrx,
  mail: Accepted,
): Promise<{ ticketId: number; duplicate: boolean } | null> {
  const { parsed, row, sender } = mail;
  const ids = referencedIds(parsed.inReplyTo ?? undefined, parsed.references);
  const conversation = await sideConversationOfMessageIds(db, ids);
  if (!conversation) return null;
  const kept = await receiveSideReply(db, conversation.id, {
    from: sender.address,
    name: cleanDisplayName(sender.name),
    body: (parsed.text || '(no text)').slice(0, 100_000),
    messageId: parsed.messageId ? normalizeMessageId(parsed.messageId) : `inbound-${row.id}@steward.invalid`,
    receivedAt: row.received_at,
  });
  return { ticketId: conversation.ticket_id, duplicate: !kept };
}

/**
 * Puts an accepted mail on its ticket (a reply, which reopens or follows up as the ticket rules
 * say) or opens a new one, keeps its files and copies, remembers its Message-ID for threading,
 * and acknowledges a new request unless the mail was automatic.
 */
export async function deliverToTicket(
  db: DbOrTrx,
  config: Config,
  mail: Accepted,
  ours: string[],
): Promise<{ ticket: Ticket; created: boolean } | { ignored: string }> {
  const { parsed, row, sender } = mail;
  const text = parsed.text || '(no text)';
  const messageId = parsed.messageId
    ? normalizeMessageId(parsed.messageId)
    : `inbound-${row.id}@steward.invalid`;
  const authentication = senderAuthentication(parsed.headerLines, sender.address);
  const meta = {
    email: {
      from: sender.name ? `${sender.name} <${sender.address}>` : sender.address,
      to: addressesOf(parsed.to).map((a) => a.address),
      cc: addressesOf(parsed.cc).map((a) => a.address),
      subject: parsed.subject,
      messageId,
      ...(row.message_id_clash ? { messageIdReused: true } : {}),
      ...(authentication ? { authentication } : {}),
    },
    inboundMailId: row.id,
    ...(mail.automated ? { automated: true } : {}),
  };
  const rendered = { html: withFileUrls(parsed.bodyHtml, new Map()), meta };
  const ctx = systemContext(`Email from ${sender.address}`);
  const existing = await threadedTicket(db, mail);
  let ticket: Ticket;
  let messageRowId: number;
  let created = false;
  if (existing) {
    const target = await loadTicket(db, existing);
    if (mail.automated && target.status === 'closed') {
      return { ignored: `Automatic reply to closed ticket #${existing}: no follow-up opened` };
    }
    const customer = await findOrCreateCustomer(
      db,
      { email: sender.address, name: cleanDisplayName(sender.name) },
      nowIso(),
    );
    const result = await addCustomerMessage(db, ctx, existing, {
      customerId: customer.id,
      body: text,
      channel: 'email',
      attachmentIds: [],
      rendered,
      keepStatus: mail.automated,
    });
    ticket = await loadTicket(db, result.ticketId);
    messageRowId = result.message.id;
    created = result.followUp;
  } else {
    ticket = await openTicket(
      db,
      ctx,
      {
        subject: cleanSubject(parsed.subject),
        requester: {
          email: sender.address,
          name: cleanDisplayName(sender.name) || sender.address.split('@')[0]!.slice(0, 160),
        },
        message: { body: text, attachmentIds: [] },
        channel: 'email',
        type: 'question',
        priority: parsed.highPriority ? 'high' : 'normal',
        status: 'new',
        categoryId: mail.mailbox.default_category_id,
        tags: [],
        assigneeId: null,
        teamId: mail.mailbox.default_team_id,
        dueAt: null,
        customFields: {},
      },
      'customer',
      rendered,
    );
    messageRowId = (await lastMessageId(db, ticket.id))!;
    created = true;
  }
  if (parsed.files.length > 0) {
    const files = await keepFiles(db, config, mail, {
      ticketId: ticket.id,
      messageId: messageRowId,
      customerId: ticket.requester.id,
    });
    await setMessageHtml(db, messageRowId, files.html, {
      ...meta,
      ...(files.refused.length > 0 ? { refusedAttachments: files.refused } : {}),
    });
  }
  // Copies: the first mail's To and Cc are the requester's choice; later mail adds them only
  // from a sender the ticket trusts, else suggests them. A suspicious mail only suggests.
  const trusted =
    !authentication?.suspicious && (existing === null || (await trustsSender(db, existing, sender.address)));
  await keepMailCopies(
    db,
    ticket.id,
    mail.mailbox.id,
    copiesOf(mail, ours, ticket.requester.email),
    trusted ? null : { messageId: messageRowId, from: sender.address, suggestedAt: row.received_at },
  );
  await rememberMessageId(db, messageId, ticket.id, 'in', row.received_at);
  if (created && !mail.automated) {
    await queueTicketMail(db, config, {
      ticket,
      template: 'ticket_received',
      to: sender.address,
      automatic: true,
      mailbox: mail.mailbox,
    });
  }
  return { ticket, created };
}
