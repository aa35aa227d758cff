import { routes } from '../../../contracts/api';
import { api } from '../../app/api';

/** What a ticket message's `meta` says about the mail it came in or went out with. */

export interface EmailMeta {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
}

export interface RefusedAttachment {
  filename: string;
  reason: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

export function emailMeta(meta: Record<string, unknown>): EmailMeta | null {
  const email = meta.email;
  if (!isRecord(email)) return null;
  return {
    from: typeof email.from === 'string' ? email.from : '',
    to: strings(email.to),
    cc: strings(email.cc),
    subject: typeof email.subject === 'string' ? email.subject : '',
  };
}

export function refusedAttachments(meta: Record<string, unknown>): RefusedAttachment[] {
  const list = meta.refusedAttachments;
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((item) => ({
    filename: typeof item.filename === 'string' ? item.filename : 'A file',
    reason: typeof item.reason === 'string' ? item.reason : 'not kept',
  }));
}

/** The mail reused the Message-ID of an earlier, different mail (kept all the same). */
export const reusedMessageId = (meta: Record<string, unknown>) =>
  isRecord(meta.email) && meta.email.messageIdReused === true;

export const isAutomatedMail = (meta: Record<string, unknown>) => meta.automated === true;

/** Whether the mail a message arrived in is kept, so it can be downloaded. */
export const hasOriginalMail = (meta: Record<string, unknown>) => typeof meta.inboundMailId === 'number';

export const originalMailUrl = (ticketId: number, messageId: number) =>
  api.urlOf(routes.tickets.messageOriginal, { id: ticketId, messageId });
