import type { AddressObject } from 'mailparser';
import type { DbOrTrx } from '../../db/database';
import type { InboundStatus } from '../../db/schema';
import { addMinutes } from '../../platform/clock';
import { listMailboxes, listSpamRules, loadMailSettings, type MailboxRow } from '../mailboxes';
import { inboundRepository, type QueuedMailRow } from './mail-intake.repository';
import { isAutomated, isBounce, type MailHeaders, matchingRule } from './mail-intake.rules';
import type { ParsedInbound } from './parse';
import { senderOf } from './parse.senders';

/** Header lines as a record: lower-case names, unfolded values, the first occurrence of each. */
export function headerRecord(parsed: Pick<ParsedInbound, 'headerLines'>): MailHeaders {
  const headers: MailHeaders = {};
  for (const { key, line } of parsed.headerLines) {
    if (key in headers) continue;
    const colon = line.indexOf(':');
    headers[key.toLowerCase()] = line
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
  }
  return headers;
}

export function addressesOf(
  field: AddressObject | AddressObject[] | undefined,
): { address: string; name: string }[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list
    .flatMap((o) => o.value)
    .flatMap((v) => (v.group ? v.group : [v]))
    .filter((v) => typeof v.address === 'string' && /^[^\s@]+@[^\s@]+$/.test(v.address))
    .map((v) => ({ address: v.address!.toLowerCase(), name: v.name ?? '' }));
}

export type Verdict =
  | {
      status: Exclude<InboundStatus, 'queued' | 'processed'>;
      reason: string;
      mailbox?: MailboxRow;
      /** A delivery report: it may say one of our replies did not arrive. */
      bounce?: boolean;
    }
  | { status: 'accept'; mailbox: MailboxRow; sender: { address: string; name: string }; automated: boolean };

/**
 * Decides what a parsed mail is before it touches a ticket: failed (no sender, no mailbox),
 * ignored (bounces, our own mail), spam (rules, the per-sender loop guard) or accepted.
 */
export interface IntakeSetup {
  mailboxes: MailboxRow[];
  rules: Awaited<ReturnType<typeof listSpamRules>>;
  senderLimitPerHour: number;
}

/** What every mail of one processing run is checked against, read once per run. */
export async function loadIntakeSetup(db: DbOrTrx): Promise<IntakeSetup> {
  return {
    mailboxes: await listMailboxes(db),
    rules: await listSpamRules(db),
    senderLimitPerHour: (await loadMailSettings(db)).senderLimitPerHour,
  };
}

export async function classify(
  db: DbOrTrx,
  setup: IntakeSetup,
  row: QueuedMailRow,
  parsed: ParsedInbound,
  headers: MailHeaders,
  now: string,
): Promise<Verdict> {
  if (parsed.headerLines.length === 0)
    return { status: 'failed', reason: 'This is not a mail message: it has no headers' };
  const recipients = [
    ...(JSON.parse(row.recipients) as string[]),
    ...addressesOf(parsed.to).map((a) => a.address),
    ...addressesOf(parsed.cc).map((a) => a.address),
  ];
  const mailbox = row.mailbox_id
    ? setup.mailboxes.find((m) => m.id === row.mailbox_id)
    : recipients.map((r) => setup.mailboxes.find((m) => m.address === r)).find((m) => m !== undefined);
  const sender = senderOf(parsed);
  // A delivery report with a broken sender is still a delivery report.
  if (!sender && isBounce(null, headers))
    return {
      status: 'ignored',
      reason: 'Bounce or delivery report with an unreadable sender',
      mailbox,
      bounce: true,
    };
  if (!sender)
    return { status: 'failed', reason: 'The message has no valid sender (From, Reply-To or Sender) address' };
  if (!mailbox) {
    return {
      status: 'failed',
      reason: `None of the recipients is a mailbox here: ${recipients.join(', ') || 'none'}`,
    };
  }
  const released = row.released === 1;
  if (setup.mailboxes.some((m) => m.address === sender.address)) {
    return { status: 'ignored', reason: `Sent from our own mailbox ${sender.address}`, mailbox };
  }
  if (!released && isBounce(sender.address, headers)) {
    return {
      status: 'ignored',
      reason: `Bounce or delivery report from ${sender.address}`,
      mailbox,
      bounce: true,
    };
  }
  if (!released) {
    const rule = matchingRule(setup.rules, sender.address, headers);
    if (rule) {
      return {
        status: 'spam',
        reason:
          rule.kind === 'block_sender'
            ? `Sender blocked by rule "${rule.pattern}"`
            : `Header ${rule.header} contains "${rule.pattern}"`,
        mailbox,
      };
    }
    const { senderLimitPerHour } = setup;
    const recent = await inboundRepository.countFromSender(db, sender.address, addMinutes(now, -60), row.id);
    if (recent >= senderLimitPerHour) {
      return {
        status: 'spam',
        reason: `${sender.address} sent more than ${senderLimitPerHour} messages within an hour (a mail loop?)`,
        mailbox,
      };
    }
  }
  return { status: 'accept', mailbox, sender, automated: isAutomated(sender.address, headers) };
}
